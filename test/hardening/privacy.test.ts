/**
 * Data stays on the user's machine, checked on the source itself: the add-in's code (everything
 * under src/ but the command line, which prints to the user's own terminal) never writes to the
 * console, opens no socket, and names no web address except XML namespace identifiers. The only
 * request it makes is for its own bundled sample, relative to the page. A new `fetch`, `console`
 * call or URL fails this test until it is reviewed and listed here.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const ROOT = join(__dirname, "..", "..");
const SRC = join(ROOT, "src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/u.test(f) ? [p] : [];
  });
}

/** Source without comments (URLs to documentation in comments are fine). */
function code(path: string): string {
  return readFileSync(path, "utf8")
    .replace(/\/\*[\s\S]*?\*\//gu, "")
    .replace(/(^|[^:"'`\\])\/\/.*$/gmu, "$1");
}

const sources = files(SRC).map((p) => ({
  path: relative(ROOT, p).replace(/\\/gu, "/"),
  text: code(p),
}));
const addIn = sources.filter((s) => !s.path.startsWith("src/cli/"));

/** Reviewed network calls: file → what it fetches. */
const ALLOWED_REQUESTS: Record<string, RegExp> = {
  // The bundled sample report, next to the page (same origin).
  "src/taskpane/services/realEngine.ts":
    /fetch\(new URL\(`sample\/\$\{SAMPLE_FILE\}`, document\.baseURI\)\.href\)/u,
};
/** XML namespaces are identifiers, never fetched. */
const NAMESPACE_HOSTS = new Set([
  "schemas.openxmlformats.org",
  "schemas.microsoft.com",
  "www.w3.org",
  "purl.org",
]);

describe("nothing leaves the machine, by construction", () => {
  it("reads the add-in's sources", () => {
    expect(addIn.length).toBeGreaterThan(50);
  });

  it("no add-in code writes to the console (so no cell text can be logged)", () => {
    const offenders = addIn
      .filter((s) => /\bconsole\s*\.\s*(log|info|warn|error|debug|trace|dir|table)\b/u.test(s.text))
      .map((s) => s.path);
    expect(offenders).toEqual([]);
  });

  it("network calls are only the reviewed same-origin ones", () => {
    const found: string[] = [];
    for (const s of addIn) {
      const calls =
        s.text.match(
          /\b(fetch\s*\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|RTCPeerConnection|importScripts\s*\(\s*["'`]http)/gu
        ) ?? [];
      if (calls.length === 0) continue;
      const allowed = ALLOWED_REQUESTS[s.path];
      if (
        !allowed ||
        calls.length !== (s.text.match(new RegExp(allowed.source, "gu")) ?? []).length
      )
        found.push(`${s.path}: ${calls.join(", ")}`);
    }
    expect(found).toEqual([]);
  });

  it("no web address in code other than XML namespace identifiers", () => {
    const hosts = new Set<string>();
    for (const s of addIn)
      for (const m of s.text.matchAll(/["'`]https?:\/\/([^/"'`\s]+)/gu))
        if (!NAMESPACE_HOSTS.has(m[1])) hosts.add(`${s.path}: ${m[1]}`);
    expect([...hosts]).toEqual([]);
  });
});
