/**
 * Builds what the browser suites load: the preview exactly as `npm run build` makes it but with
 * the local office.js (no request may leave localhost), and the fake-Excel script.
 * Set E2E_REUSE_BUILD=1 to skip the builds when both outputs exist (local iteration only).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { FAKE_OFFICE_FILE, PREVIEW_DIR, REAL_OFFICE_HOST_FILE, ROOT } from "./paths";

type Configuration = import("webpack").Configuration;

async function compile(config: Configuration): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require("webpack") as typeof import("webpack");
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (!stats || stats.hasErrors()) return reject(new Error(stats?.toString({ all: false, errors: true }) ?? "no stats"));
      resolve();
    }),
  );
}

/** A TypeScript file as one plain browser script. */
function pageScript(entry: string): Configuration {
  return {
    mode: "development",
    devtool: false,
    target: "web",
    entry,
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext" } } },
        },
      ],
    },
  };
}

export default async function globalSetup(): Promise<void> {
  if (!fs.existsSync("/usr/bin/chromium")) throw new Error("/usr/bin/chromium is missing: apt-get install chromium (never let a tool download a browser)");
  if (process.env.E2E_REUSE_BUILD === "1" && fs.existsSync(path.join(PREVIEW_DIR, "taskpane.html")) && fs.existsSync(FAKE_OFFICE_FILE) && fs.existsSync(REAL_OFFICE_HOST_FILE)) return;
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const makeConfig = require(path.join(ROOT, "webpack.config.js")) as (env: object, argv: object) => Promise<Configuration>;
    const preview = await makeConfig({ officejs: "local", WEBPACK_BUILD: true }, { mode: "production" });
    preview.mode = "production";
    preview.output = { ...preview.output, path: PREVIEW_DIR };
    await compile(preview);

    await compile({
      ...pageScript(path.join(ROOT, "test", "e2e", "browser", "support", "fakeOffice.ts")),
      output: { path: path.dirname(FAKE_OFFICE_FILE), filename: path.basename(FAKE_OFFICE_FILE) },
    });
    // Excel's side of the real client library in the page (the library itself is served from node_modules).
    await compile({
      ...pageScript(path.join(ROOT, "test", "e2e", "browser", "support", "realOfficeHost.ts")),
      output: { path: path.dirname(REAL_OFFICE_HOST_FILE), filename: path.basename(REAL_OFFICE_HOST_FILE) },
    });
  } finally {
    process.chdir(cwd);
  }
}
