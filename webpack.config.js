/* eslint-disable no-undef */
/**
 * Task pane build, after Microsoft's Office add-in template (entry `taskpane`, HtmlWebpackPlugin,
 * CopyWebpackPlugin for the manifest and icons, ts-loader, dev server on port 3000).
 *
 * Where office.js comes from:
 * - default (production, and the https dev server used by `npm run start:desktop`): Microsoft's
 *   CDN, as the store rules require;
 * - `--env officejs=local` (the browser preview of `npm start` and the Chromium tests): the copy
 *   from @microsoft/office-js, with `o15apptofilemappingtable.js` beside it (without it
 *   `Office.onReady` never resolves outside Office). No request leaves the page's own host.
 *
 * `--env http` serves plain http (the preview: no certificate, no sudo); otherwise the dev server
 * uses office-addin-dev-certs' localhost certificate, as Excel requires https.
 */
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const urlDev = "https://localhost:3000/";
// Where the production build is hosted; the manifest's dev URLs are rewritten to it.
const urlProd = process.env.PLAN_TABLES_URL_PROD || "https://plan-tables.example.org/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_HOST = "https://appsforoffice.microsoft.com";

async function getHttpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

/** The pane's Content-Security-Policy: only the page's own origin, plus the office.js host when used. */
function contentSecurityPolicy({ localOfficeJs, dev, port = 3000 }) {
  const scriptSrc = ["'self'"];
  if (!localOfficeJs) scriptSrc.push(OFFICE_JS_HOST);
  const connectSrc = ["'self'"];
  if (dev) connectSrc.push(`ws://localhost:${port}`, `wss://localhost:${port}`); // live reload
  return [
    "default-src 'self'",
    `script-src ${scriptSrc.join(" ")}`,
    // Fluent UI v9 (Griffel) inserts <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connectSrc.join(" ")}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === "development";
  const localOfficeJs = env.officejs === "local";
  const http = Boolean(env.http);
  const officeJsSrc = localOfficeJs ? "office.js" : OFFICE_JS_CDN;
  const officeJsDist = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
  const port = Number(env.port || process.env.npm_package_config_dev_server_port || 3000);

  return {
    devtool: dev ? "source-map" : false, // never eval-based maps: the CSP has no 'unsafe-eval'
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/taskpane/commands/commands.ts",
      // Parsing of large files runs here, off the pane's main thread.
      // Its lazy parts (pdf.js) load with importScripts: a worker has no document for <script>.
      "import-worker": { import: "./src/taskpane/worker/importWorker.ts", chunkLoading: "import-scripts" },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "chunks/[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      // Node built-ins some dependencies mention but the browser paths never call.
      fallback: { fs: false, path: false, crypto: false, stream: false, zlib: false, url: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: "tsconfig.json",
              onlyCompileBundledFiles: true,
              // ES modules so that `import()` splits heavy parts into their own chunks.
              compilerOptions: { module: "esnext", moduleResolution: "bundler", sourceMap: dev },
            },
          },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: {
          officeJsSrc,
          csp: contentSecurityPolicy({ localOfficeJs, dev, port }),
        },
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/taskpane/commands/commands.html",
        chunks: ["commands"],
        templateParameters: {
          officeJsSrc,
          csp: contentSecurityPolicy({ localOfficeJs, dev: false }),
        },
      }),
      new CopyWebpackPlugin({
        patterns: [
          // Directories and exact files, never globs at the project root: a glob there makes
          // webpack watch the root folder, and any file written in it would rebuild endlessly.
          { from: "assets", to: "assets", globOptions: { ignore: ["**/*.md"] } },
          // The built-in sample (a real report page as PDF text), fetched when the user asks for it.
          { from: "src/taskpane/sample", to: "sample" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return dev ? content : content.toString().replace(new RegExp(urlDev, "g"), urlProd);
            },
          },
          ...(localOfficeJs
            ? ["office.js", "o15apptofilemappingtable.js"].map((file) => ({
                from: path.join(officeJsDist, file),
                to: file,
                // Already minified by Microsoft: do not run the minimizer over it again.
                info: { minimized: true },
              }))
            : []),
        ],
      }),
    ],
    performance: { hints: false },
    watchOptions: { ignored: ["**/node_modules", "**/.git", "**/dist", "**/lib", "**/artifacts", "**/coverage"] }, // the bundle-size goal is measured by `npm run bench`
    devServer: {
      static: { directory: path.resolve(__dirname, "dist"), watch: false },
      headers: { "Access-Control-Allow-Origin": "*" },
      // Only the sources are watched: logs or artifacts written in the project root must not
      // trigger endless rebuilds.
      watchFiles: ["src/**/*", "assets/*.png", "manifest.xml"],
      server: http ? { type: "http" } : { type: "https", options: env.WEBPACK_BUILD ? {} : await getHttpsOptions() },
      port,
      host: "localhost",
      historyApiFallback: false,
      // The root address opens the pane (people type the root, not /taskpane.html).
      setupMiddlewares: (middlewares, devServer) => {
        devServer.app?.get("/", (_req, res) => res.redirect(302, "/taskpane.html"));
        return middlewares;
      },
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};

module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
