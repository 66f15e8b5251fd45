/**
 * pdf.js for the pane: the module and its worker code are bundled (static import() calls the
 * bundler can see; the CSP forbids the eval'd loader used in Node), and pdf.js's worker code
 * runs in the calling thread: the import worker already keeps it off the pane's main thread.
 */
import { configurePdfjs, type Pdfjs } from "../../importers/pdf/pdfjs";

let configured = false;

export function configurePdfForBrowser(): void {
  if (configured) return;
  configured = true;
  configurePdfjs({
    // The legacy build: the one the importer is typed and tested against.
    load: () => import("pdfjs-dist/legacy/build/pdf.mjs") as Promise<Pdfjs>,
    // @ts-expect-error pdf.js ships no declarations for its worker module
    loadWorker: () => import("pdfjs-dist/legacy/build/pdf.worker.mjs") as Promise<{ WorkerMessageHandler: unknown }>,
  });
}
