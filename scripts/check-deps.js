#!/usr/bin/env node
/**
 * Dependency safety check for CI.
 *
 * 1. `npm audit --omit=dev --audit-level=high` when the registry's advisory endpoint answers.
 *    (On this project's build machines it answers 405: the check then says so and goes on.)
 * 2. Always: an offline deny list of packages with known unpatched or serious advisories that a
 *    well-meaning change could bring in, checked against the installed production tree.
 */
"use strict";
const { execFileSync } = require("node:child_process");

// name → predicate on the installed version; the reason is printed when it matches.
const DENY = [
  { name: "xlsx", bad: () => true, why: "SheetJS on the npm registry is stuck at 0.18.5 (CVE-2023-30533, CVE-2024-22363); use @e965/xlsx in tests only" },
  { name: "pdfjs-dist", bad: (v) => cmp(v, "4.2.67") < 0, why: "CVE-2024-4367 (arbitrary JavaScript via fonts) before 4.2.67" },
  { name: "node-forge", bad: (v) => cmp(v, "1.3.0") < 0, why: "CVE-2022-24771/24772 before 1.3.0" },
];

function cmp(a, b) {
  const pa = a.split(/[.-]/).map((x) => parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

function npm(args) {
  try {
    return execFileSync("npm", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 << 20 });
  } catch (e) {
    return e.stdout || "";
  }
}

let failed = false;

const audit = JSON.parse(npm(["audit", "--omit=dev", "--json"]) || "{}");
if (audit.metadata && audit.metadata.vulnerabilities) {
  const v = audit.metadata.vulnerabilities;
  console.log(`npm audit (production): high ${v.high}, critical ${v.critical}, moderate ${v.moderate}, low ${v.low}`);
  if (v.high > 0 || v.critical > 0) failed = true;
} else {
  console.log(`npm audit unavailable here (${audit.statusCode || audit.message || "no answer"}); offline deny list only`);
}

const tree = JSON.parse(npm(["ls", "--omit=dev", "--all", "--json"]) || "{}");
const seen = new Map();
(function walk(deps) {
  for (const [name, info] of Object.entries(deps || {})) {
    if (info && info.version) seen.set(`${name}@${info.version}`, { name, version: info.version });
    walk(info && info.dependencies);
  }
})(tree.dependencies);
let checked = 0;
for (const { name, version } of seen.values()) {
  checked++;
  for (const rule of DENY) {
    if (rule.name === name && rule.bad(version)) {
      console.log(`DENIED ${name}@${version}: ${rule.why}`);
      failed = true;
    }
  }
}
console.log(`deny list: ${checked} production packages checked`);
process.exit(failed ? 1 : 0);
