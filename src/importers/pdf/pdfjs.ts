/**
 * Loading pdf.js (pdfjs-dist 5, ES modules only) from this CommonJS-compiled code.
 *
 * Node (CLI, tests): a real dynamic import of the legacy build. TypeScript compiles `import()` to
 * `require()`, which cannot load an ES module under Jest, hence the eval'd import; Jest must run
 * with `--experimental-vm-modules` (the `test` script does).
 * Browser (the task pane): call `configurePdfjs` once with a loader written as a static
 * `import("pdfjs-dist/build/pdf.mjs")` so the bundler includes it, and the URL of the worker file
 * `pdfjs-dist/build/pdf.worker.min.mjs`, copied next to the bundle.
 */
import type * as PdfjsNs from "pdfjs-dist/legacy/build/pdf.mjs";

export type Pdfjs = typeof PdfjsNs;

export interface PdfjsOptions {
  /** Returns the pdf.js module (browser: `() => import("pdfjs-dist/build/pdf.mjs")`). */
  load?: () => Promise<Pdfjs>;
  /** URL of pdf.worker(.min).mjs for `GlobalWorkerOptions.workerSrc` (browser). */
  workerSrc?: string;
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
  // A direct eval, not `new Function`: the import then belongs to this module (under Jest, to the
  // current test file's environment, not to whichever file first compiled a Function).
  const dynamicImport = eval("(s) => import(s)") as (s: string) => Promise<Pdfjs>;
  if (!options.cMapUrl) {
    // CMaps for PDFs whose Japanese fonts are not embedded: pdfjs-dist ships them (read from disk in Node).
    try {
      const req = eval("require") as NodeRequire;
      options.cMapUrl = req.resolve("pdfjs-dist/package.json").replace(/package\.json$/u, "cmaps/");
    } catch {
      // No require (an ES module host): PDFs with embedded fonts still read.
    }
  }
  try {
    return await dynamicImport(LEGACY_BUILD);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(
      `pdf.js could not be loaded (${why}). Under Jest, run with --experimental-vm-modules (npm test does).`
    );
  }
}

export function loadPdfjs(): Promise<Pdfjs> {
  if (!loaded) {
    loaded = (options.load ? options.load() : loadInNode()).then((m) => {
      if (options.workerSrc) m.GlobalWorkerOptions.workerSrc = options.workerSrc;
      return m;
    });
    loaded.catch(() => {
      loaded = null;
    });
  }
  return loaded;
}
