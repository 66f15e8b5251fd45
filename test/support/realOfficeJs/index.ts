/**
 * The real Excel JavaScript client library (@microsoft/office-js, dist/excel-web-16.00.js or
 * dist/excel-win32-16.01.js), loaded from node_modules at test time — never copied into the repo,
 * never modified — with the strict simulator as Excel's side of it: every request the library
 * builds goes to `OSF.DDA.RichApi.executeRichApiRequestAsync`, which hands it to the simulator
 * whose Excel.run is running (richApiHost.ts). Facts: /work/shared/notes/real-officejs-client.md.
 *
 * `installRealOfficeJs()` loads the library into this test file's global (Node: a shim of the browser
 * globals the library reads, then an indirect eval, so it lands in Jest's sandbox) and makes every
 * simulator created afterwards run through it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { setExcelClient, type ExcelClient } from "../excelSimulator";
import {
  installRichApiSeam,
  libraryClient,
  type LibraryExcel,
  type LibraryOsf,
  type SeamState,
} from "./seam";

export type OfficeJsBuild = "web" | "win32";

const FILES: Record<OfficeJsBuild, string> = {
  web: "excel-web-16.00.js",
  win32: "excel-win32-16.01.js",
};

interface LibraryGlobals {
  Excel: LibraryExcel;
  Office: Record<string, unknown>;
  OfficeExtension: { Utility: Record<string, unknown>; Error: new (...a: unknown[]) => Error };
  OSF: LibraryOsf;
}

export const OFFICE_JS_DIST = join(
  __dirname,
  "..",
  "..",
  "..",
  "node_modules",
  "@microsoft",
  "office-js",
  "dist"
);

export function officeJsVersion(): string {
  const pkg = JSON.parse(readFileSync(join(OFFICE_JS_DIST, "..", "package.json"), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

/** Browser globals the library reads while it loads; nothing else of a DOM is needed. */
function shimBrowserGlobals(g: Record<string, unknown>): void {
  const element = () => ({
    setAttribute: () => undefined,
    appendChild: () => undefined,
    removeChild: () => undefined,
    addEventListener: () => undefined,
    getElementsByTagName: () => [],
    style: {},
  });
  g.window ??= g;
  g.self ??= g;
  g.top ??= g;
  g.parent ??= g;
  g.document ??= {
    readyState: "complete",
    cookie: "",
    createElement: element,
    getElementsByTagName: () => [],
    addEventListener: () => undefined,
    querySelector: () => null,
    head: element(),
    body: element(),
    documentElement: element(),
  };
  g.location ??= {
    href: "https://localhost:3000/taskpane.html",
    protocol: "https:",
    host: "localhost:3000",
    hostname: "localhost",
    pathname: "/taskpane.html",
    search: "",
    hash: "",
  };
  // Node 21+ defines navigator; the library only reads userAgent and language.
  if (!(g.navigator as { userAgent?: string } | undefined)?.userAgent)
    g.navigator = { userAgent: "node", language: "ja-JP" };
  const store = new Map<string, string>();
  g.localStorage ??= {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, String(v)),
    removeItem: (k: string) => void store.delete(k),
  };
}

let loaded: { build: OfficeJsBuild; lib: LibraryGlobals } | null = null;

/** Loads one build of the library into this global (once per test file: Jest gives each its own). */
export function loadOfficeJs(build: OfficeJsBuild = "web"): LibraryGlobals {
  if (loaded) {
    if (loaded.build !== build)
      throw new Error(`office.js ${loaded.build} is already loaded in this test file`);
    return loaded.lib;
  }
  const g = globalThis as unknown as Record<string, unknown>;
  shimBrowserGlobals(g);
  const source = readFileSync(join(OFFICE_JS_DIST, FILES[build]), "utf8");
  // Indirect eval: the library's top-level `var`s become globals of this (Jest sandbox) global.
  (0, eval)(source);
  // Its objects, kept: a test may remove the `Excel` global to play "outside Excel".
  const lib = {
    Excel: g.Excel,
    Office: g.Office,
    OfficeExtension: g.OfficeExtension,
    OSF: g.OSF,
  } as unknown as LibraryGlobals;
  // Excel.run waits for the library's clean-up request instead of firing it in the background, so
  // each run's requests are over when it settles (its retries after a failure still use timers).
  lib.OfficeExtension.Utility._synchronousCleanup = true;
  loaded = { build, lib };
  return lib;
}

/** The simulator whose Excel.run is in progress answers the library's requests. */
const state: SeamState = { current: null, officeContext: null };

let seamInstalled = false;

/**
 * An Excel client over the real library, loaded on first use (so test files that never run Excel
 * code do not pay for it).
 */
export function realOfficeJsClient(build: OfficeJsBuild = "web"): ExcelClient {
  const lib = () => {
    const l = loadOfficeJs(build);
    if (!seamInstalled) {
      seamInstalled = true;
      // Answer asynchronously, as a real transport does.
      installRichApiSeam(l.OSF, state, { later: (deliver) => void Promise.resolve().then(deliver) });
    }
    return l;
  };
  return libraryClient(
    state,
    () => lib().Excel,
    () => lib().Office
  );
}

/** Routes every simulator created from now on through the real library (loaded now). */
export function installRealOfficeJs(build: OfficeJsBuild = "web"): LibraryGlobals {
  const client = realOfficeJsClient(build);
  setExcelClient(client);
  client.excelGlobal();
  return loadOfficeJs(build);
}
