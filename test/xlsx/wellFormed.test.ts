/**
 * @jest-environment jsdom
 */
/**
 * Every XML part of a produced workbook is well-formed, with namespaces declared (jsdom's strict
 * XML parser), and every relationship points at a part that exists.
 */
import { strFromU8, unzipSync } from "fflate";
import { buildWorkbookPlan } from "../../src/workbook/buildWorkbookPlan";
import { buildTemplatePlan } from "../../src/workbook/templatePlan";
import { renderXlsx } from "../../src/xlsx/renderXlsx";
import { resolvePath } from "../../src/xlsx/relationships";
import { sampleTable } from "../workbook/fixtures";

function parseStrict(xml: string): void {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(error.textContent ?? "not well-formed");
}

describe.each([
  ["the built workbook", () => renderXlsx(buildWorkbookPlan(sampleTable(), { lang: "ja" }))],
  ["the template", () => renderXlsx(buildTemplatePlan("ja"))],
])("%s", (_, render) => {
  let parts: Record<string, Uint8Array>;
  beforeAll(async () => {
    parts = unzipSync(await render());
  });

  it("has only well-formed XML parts", () => {
    const xml = Object.keys(parts).filter((p) => /\.(xml|rels)$/.test(p));
    expect(xml.length).toBeGreaterThan(5);
    for (const p of xml) expect(() => parseStrict(strFromU8(parts[p]))).not.toThrow();
    expect(() => parseStrict("<a><b></a>")).toThrow();
    expect(() => parseStrict('<c:chart r:id="x"/>')).toThrow(); // undeclared prefixes are errors too
  });

  it("has every internal relationship target present, and a content type for every part", () => {
    const types = strFromU8(parts["[Content_Types].xml"]);
    for (const rels of Object.keys(parts).filter((p) => p.endsWith(".rels"))) {
      // "_rels/.rels" belongs to the package root; "xl/_rels/workbook.xml.rels" to xl/workbook.xml.
      const owner = rels === "_rels/.rels" ? "" : rels.replace(/_rels\/([^/]+)\.rels$/, "$1");
      for (const m of strFromU8(parts[rels]).matchAll(/<Relationship [^>]*>/g)) {
        if (/TargetMode="External"/.test(m[0])) continue;
        const target = /Target="([^"]+)"/.exec(m[0])![1];
        expect([rels, resolvePath(owner === "" ? "x" : owner, target) in parts]).toEqual([
          rels,
          true,
        ]);
      }
    }
    for (const p of Object.keys(parts)) {
      if (p === "[Content_Types].xml" || p.endsWith("/")) continue;
      const ext = p.slice(p.lastIndexOf(".") + 1);
      expect([
        p,
        types.includes(`PartName="/${p}"`) || types.includes(`Extension="${ext}"`),
      ]).toEqual([p, true]);
    }
  });
});
