/** @jest-environment jsdom */
/**
 * The add-in manifest, checked offline (Microsoft's validator needs its online service):
 * the elements Excel and the store rely on, in the schema's order where order matters.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");
const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "application/xml");
const NS = "http://schemas.microsoft.com/office/appforoffice/1.1";
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

const top = () => Array.from(doc.documentElement.children).map((e) => e.localName);
const one = (name: string) => {
  const list = doc.getElementsByTagNameNS(NS, name);
  expect(list).toHaveLength(1);
  return list[0];
};

describe("manifest.xml", () => {
  test("is well-formed XML for a task pane add-in", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.localName).toBe("OfficeApp");
    expect(doc.documentElement.getAttribute("xsi:type")).toBe("TaskPaneApp");
    expect(one("Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(one("Version").textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  test("top-level elements follow the schema's sequence", () => {
    const order = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions", "VersionOverrides"];
    const seen = top().filter((n) => order.includes(n));
    expect(seen).toEqual(order.filter((n) => seen.includes(n)));
  });

  test("targets Excel workbooks with read/write access and ExcelApi 1.12", () => {
    expect(one("Host").getAttribute("Name")).toBe("Workbook");
    expect(one("Permissions").textContent).toBe("ReadWriteDocument");
    const set = one("Set");
    expect(set.getAttribute("Name")).toBe("ExcelApi");
    expect(set.getAttribute("MinVersion")).toBe("1.12");
  });

  test("is Japanese by default with English overrides for the name and description", () => {
    expect(one("DefaultLocale").textContent).toBe("ja-JP");
    for (const name of ["DisplayName", "Description"]) {
      const el = one(name);
      expect(el.getAttribute("DefaultValue")).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      const override = el.getElementsByTagNameNS(NS, "Override")[0];
      expect(override.getAttribute("Locale")).toBe("en-US");
      expect(override.getAttribute("Value")).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  test("puts a button on the Home tab that opens the task pane page", () => {
    const tab = doc.querySelector("ExtensionPoint OfficeTab");
    expect(tab?.getAttribute("id")).toBe("TabHome");
    const control = tab?.querySelector("Control");
    expect(control?.getAttribute("xsi:type")).toBe("Button");
    const action = control?.querySelector("Action");
    expect(action?.getAttribute("xsi:type")).toBe("ShowTaskpane");
    const resid = action?.querySelector("SourceLocation")?.getAttribute("resid");
    const url = Array.from(doc.getElementsByTagNameNS(BT, "Url")).find((u) => u.getAttribute("id") === resid);
    expect(url?.getAttribute("DefaultValue")).toBe("https://localhost:3000/taskpane.html");
    expect(one("SourceLocation").getAttribute("DefaultValue")).toBe("https://localhost:3000/taskpane.html");
  });

  test("every resid points at a defined resource, and every string has an English override", () => {
    const ids = new Set(Array.from(doc.querySelectorAll("Resources *")).map((e) => e.getAttribute("id")).filter(Boolean));
    const refs = Array.from(doc.querySelectorAll("[resid]")).map((e) => e.getAttribute("resid"));
    expect(refs.length).toBeGreaterThan(5);
    for (const r of refs) expect(ids).toContain(r);
    for (const s of Array.from(doc.getElementsByTagNameNS(BT, "String"))) {
      expect(s.getElementsByTagNameNS(BT, "Override")[0]?.getAttribute("Locale")).toBe("en-US");
    }
  });

  test("icons of 16, 32, 64 and 80 px exist in assets/ with those sizes", () => {
    const urls = [one("IconUrl").getAttribute("DefaultValue"), one("HighResolutionIconUrl").getAttribute("DefaultValue"), ...Array.from(doc.getElementsByTagNameNS(BT, "Image")).map((i) => i.getAttribute("DefaultValue"))].filter((u): u is string => !!u && u.startsWith("https://"));
    const files = new Set(urls.map((u) => new URL(u).pathname.slice(1)));
    expect([...files].sort()).toEqual(["assets/icon-16.png", "assets/icon-32.png", "assets/icon-64.png", "assets/icon-80.png"]);
    for (const f of files) {
      const png = fs.readFileSync(path.join(ROOT, f));
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      const size = Number(/icon-(\d+)\.png/.exec(f)![1]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  test("asks for no extra domains: the pane never navigates away from its own origin", () => {
    const domains = Array.from(doc.getElementsByTagNameNS(NS, "AppDomain")).map((d) => d.textContent);
    expect(domains).toEqual([]);
  });
});
