/**
 * Loading pdf.js (pdfjs-dist 5, ES modules only) from this CommonJS-compiled code.
 *
 * Node (CLI, tests): a real dynamic import of the legacy build. TypeScript compiles `import()` to
 * `require()`, which cannot load an ES module under Jest, hence the eval'd import; Jest must run
 * with `--experimental-vm-modules` (the `test` script does).
 * Browser (the task pane, whose CSP forbids eval): call `configurePdfjs` once, before the first
 * PDF, with a loader written as a static `import("pdfjs-dist/build/pdf.mjs")` so the bundler
 * includes it, and either the URL of the worker file `pdfjs-dist/build/pdf.worker.min.mjs`
 * copied next to the bundle (`workerSrc`), or, inside a Web Worker already, `loadWorker` to run
 * pdf.js's worker code in that same thread.
 */
import type * as PdfjsNs from "pdfjs-dist/legacy/build/pdf.mjs";

export type Pdfjs = typeof PdfjsNs;

export interface PdfjsOptions {
  /** Returns the pdf.js module (browser: `() => import("pdfjs-dist/build/pdf.mjs")`). */
  load?: () => Promise<Pdfjs>;
  /** URL of pdf.worker(.min).mjs for `GlobalWorkerOptions.workerSrc` (browser main thread). */
  workerSrc?: string;
  /** Returns pdf.js's worker module (`() => import("pdfjs-dist/build/pdf.worker.mjs")`), run in this thread: for code that already runs in a Web Worker. */
  loadWorker?: () => Promise<{ WorkerMessageHandler: unknown }>;
  /** Where pdf.js finds its CMaps (`pdfjs-dist/cmaps/`, with a trailing slash), for PDFs with non-embedded Japanese fonts. */
  cMapUrl?: string;
}

const options: PdfjsOptions = {};
let loaded: Promise<Pdfjs> | null = null;

export function configurePdfjs(o: PdfjsOptions): void {
  Object.assign(options, o);
  loaded = null;
}

export function pdfjsOptions(): Readonly<PdfjsOptions> {
  return options;
}

const LEGACY_BUILD = "pdfjs-dist/legacy/build/pdf.mjs";

async function loadInNode(): Promise<Pdfjs> {
  try {
    // A direct eval, not `new Function`: the import then belongs to this module (under Jest, to
    // the current test file's environment, not to whichever file first compiled a Function).
    const dynamicImport = eval("(s) => import(s)") as (s: string) => Promise<Pdfjs>;
    if (!options.cMapUrl) {
      // CMaps for PDFs whose Japanese fonts are not embedded: pdfjs-dist ships them (read from disk in Node).
      const req = eval("typeof require === 'function' ? require : null") as NodeRequire | null;
      if (req)
        options.cMapUrl = req
          .resolve("pdfjs-dist/package.json")
          .replace(/package\.json$/u, "cmaps/");
    }
    return await dynamicImport(LEGACY_BUILD);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(
      `pdf.js could not be loaded (${why}). In a browser, call configurePdfjs first; under Jest, run with --experimental-vm-modules (npm test does).`
    );
  }
}

export function loadPdfjs(): Promise<Pdfjs> {
  if (!loaded) {
    loaded = (async () => {
      const m = await (options.load ? options.load() : loadInNode());
      if (options.loadWorker)
        (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await options.loadWorker();
      if (options.workerSrc) m.GlobalWorkerOptions.workerSrc = options.workerSrc;
      return m;
    })();
    loaded.catch(() => {
      loaded = null;
    });
  }
  return loaded;
}
