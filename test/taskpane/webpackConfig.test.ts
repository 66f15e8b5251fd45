/**
 * The build's office.js rule: Microsoft's CDN in production (store rules), the local copy with
 * its mapping table only for the preview and tests; the CSP allows nothing else.
 */
import * as path from "node:path";

type Handler = (req: unknown, res: { redirect(status: number, to: string): void }) => void;
type Config = {
  plugins: { constructor: { name: string }; userOptions?: { filename?: string; templateParameters?: { officeJsSrc: string; csp: string } }; patterns?: { from: string; to: string }[] }[];
  devServer: { server: { type: string }; setupMiddlewares(m: unknown[], s: { app: { get(path: string, h: Handler): void } }): unknown[] };
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require(path.join(__dirname, "..", "..", "webpack.config.js")) as ((env: object, argv: object) => Promise<Config>) & { OFFICE_JS_CDN: string };

async function pane(env: object, mode: string) {
  const config = await makeConfig({ WEBPACK_BUILD: true, ...env }, { mode });
  const html = config.plugins.find((p) => p.constructor.name === "HtmlWebpackPlugin" && p.userOptions?.filename === "taskpane.html")!;
  const copy = config.plugins.find((p) => p.constructor.name === "CopyPlugin")!;
  return { params: html.userOptions!.templateParameters!, copied: copy.patterns!.map((p) => path.basename(String(p.from))), config };
}

describe("webpack.config.js", () => {
  test("production loads office.js from Microsoft's CDN and does not ship the local copy", async () => {
    const { params, copied } = await pane({}, "production");
    expect(params.officeJsSrc).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(copied).not.toContain("office.js");
    expect(params.csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
  });

  test("the preview uses the local office.js with o15apptofilemappingtable.js beside it, and a CSP of its own origin only", async () => {
    const { params, copied } = await pane({ officejs: "local" }, "production");
    expect(params.officeJsSrc).toBe("office.js");
    expect(copied).toEqual(expect.arrayContaining(["office.js", "o15apptofilemappingtable.js"]));
    expect(params.csp).toContain("default-src 'self';");
    expect(params.csp).toContain("script-src 'self';");
    expect(params.csp).not.toMatch(/https?:\/\/(?!localhost)/);
    expect(params.csp).not.toContain("unsafe-eval");
  });

  test("the preview dev server is plain http (no certificate); the desktop dev server keeps https", async () => {
    expect((await pane({ http: true, officejs: "local" }, "development")).config.devServer.server.type).toBe("http");
    expect((await pane({}, "development")).config.devServer.server.type).toBe("https");
  });

  test("the dev server's root address redirects to the pane instead of answering 404", async () => {
    const { config } = await pane({ http: true, officejs: "local" }, "development");
    const routes = new Map<string, Handler>();
    const kept = config.devServer.setupMiddlewares(["static"], { app: { get: (p, h) => routes.set(p, h) } });
    expect(kept).toEqual(["static"]);
    const redirected: [number, string][] = [];
    routes.get("/")!({}, { redirect: (status, to) => redirected.push([status, to]) });
    expect(redirected).toEqual([[302, "/taskpane.html"]]);
  });
});
