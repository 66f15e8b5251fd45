#!/usr/bin/env node
/**
 * `npm start`: the browser preview. Runs the task pane on webpack-dev-server over plain http on
 * localhost (no certificate, no sudo, no Microsoft 365 account) with the local office.js, and
 * prints the address. Outside Office the pane works on a file workbook (.xlsx) instead of Excel.
 *
 * To run inside Excel desktop (Windows/macOS) use `npm run start:desktop` (office-addin-debugging,
 * https with a trusted localhost certificate); see README.md for Excel on the web.
 *
 * Options: --port N (default: package.json config.dev_server_port, 3000), --open (open a browser).
 */
"use strict";
const path = require("node:path");
const net = require("node:net");

function option(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] ?? true : undefined;
}

function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.once("listening", () => srv.close(() => resolve(true)));
    srv.listen(port, "localhost");
  });
}

async function main() {
  const root = path.resolve(__dirname, "..");
  process.chdir(root);
  const pkg = require(path.join(root, "package.json"));
  const port = Number(option("--port") || process.env.PORT || pkg.config?.dev_server_port || 3000);
  if (!(await portFree(port))) {
    console.error(`Port ${port} is already in use. Stop the other server (npm stop, or the earlier npm start), or run: npm start -- --port 3001`);
    return 1;
  }

  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  const makeConfig = require(path.join(root, "webpack.config.js"));
  const config = await makeConfig({ officejs: "local", http: true, port, WEBPACK_SERVE: true }, { mode: "development" });
  config.mode = "development";
  config.infrastructureLogging = { level: "warn" };
  config.stats = "errors-warnings";

  const url = `http://localhost:${port}/taskpane.html`;
  const compiler = webpack(config);
  let announced = false;
  compiler.hooks.done.tap("plan-tables-preview", (stats) => {
    if (stats.hasErrors()) {
      console.error("The build has errors (see above); the preview shows the last good build.");
      return;
    }
    if (!announced) {
      announced = true;
      console.log("");
      console.log("  Plan Tables preview (no Excel needed):");
      console.log(`    ${url}`);
      console.log("");
      console.log("  Open the address in a browser. Stop with Ctrl+C.");
      if (process.platform === "win32" || process.platform === "darwin") {
        console.log("  To run inside Excel desktop instead: npm run start:desktop");
      }
      console.log("");
    }
  });

  const server = new WebpackDevServer(
    { ...config.devServer, port, server: { type: "http" }, open: option("--open") ? [url] : false },
    compiler,
  );
  await server.start();
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  return null;
}

main().then(
  (code) => {
    if (code !== null) process.exit(code);
  },
  (err) => {
    console.error(err && err.stack ? err.stack : err);
    process.exit(1);
  },
);
