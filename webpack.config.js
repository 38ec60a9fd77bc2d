/**
 * webpack: the task pane (taskpane.html), the ribbon's function file (commands.html) and the
 * stand-alone page (web.html), following Microsoft's Office-Addin-TaskPane-React template.
 *
 *   npm run build         production build into dist/ (manifest URLs replaced by ADDIN_URL)
 *   npm run build:dev     development build (manifest left on https://localhost:3000/)
 *   npm run dev-server    dev server on port 3000 (https with office-addin-dev-certs, else http)
 *
 * Environment:
 *   ADDIN_URL      where the production build is hosted, default https://perf-target.example.gov.cn/ ;
 *                  replaces the dev URL https://localhost:3000/ in dist/manifest*.xml.
 *   OFFICE_JS      "cdn" (default): office.js from Microsoft's CDN, as the Office ecosystem expects.
 *                  "local": copy node_modules/@microsoft/office-js/dist/ to dist/office-js/ and load
 *                  office.js from the add-in's own origin (government intranets without internet).
 *   ADDIN_PORT     dev server port (default: package.json config.dev_server_port, else 3000).
 *
 * Webviews: the production build is lowered to the webviews in .browserslistrc (EdgeHTML 18,
 * Safari/WKWebView 12 …), own code and node_modules alike, by esbuild in the minifier
 * (scripts/minify-js.js: esbuild lowers, terser minifies): webpack bundles first, so every emitted
 * file, whatever package it came from, passes through it (test/transpile.test.ts parses each one at
 * that language level).
 */
"use strict";

const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const MinimizerPlugin = require("minimizer-webpack-plugin");
const browserslist = require("browserslist");
const { renderRuleDoc } = require("./scripts/rule-docs");

const urlDev = "https://localhost:3000/";
const defaultUrlProd = "https://perf-target.example.gov.cn/";
const officeJsCdn = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** ADDIN_URL with exactly one trailing slash. */
function productionUrl() {
  const url = (process.env.ADDIN_URL || defaultUrlProd).trim();
  if (!/^https:\/\//.test(url)) {
    console.warn(`[webpack] ADDIN_URL=${url} 不是 https 地址：Office 只加载 https 的加载项。`);
  }
  return url.replace(/\/*$/, "/");
}

function officeJsMode() {
  const mode = (process.env.OFFICE_JS || "cdn").toLowerCase();
  if (mode !== "cdn" && mode !== "local") {
    throw new Error(`OFFICE_JS=${process.env.OFFICE_JS}: 只能是 cdn 或 local`);
  }
  return mode;
}

/** https options from office-addin-dev-certs, or undefined (→ http) where they cannot be installed. */
async function httpsOptions(port) {
  try {
    const devCerts = require("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (err) {
    const reason = err && err.message ? String(err.message).split("\n")[0] : String(err);
    console.warn(
      [
        "",
        "【提示】无法安装 Office 加载项开发证书（office-addin-dev-certs），开发服务器改用 http。",
        `        原因：${reason}`,
        `        地址：http://localhost:${port}/  （网页版：http://localhost:${port}/web.html）`,
        "        Excel 只加载 https 的加载项：要在 Excel 中调试，请在 Windows 或 macOS 上运行",
        "        `npx office-addin-dev-certs install` 后再启动；在 Linux 上可用浏览器打开网页版。",
        "",
      ].join("\n")
    );
    return undefined;
  }
}

/** The oldest version of each engine .browserslistrc names, as esbuild targets ("edge18", "safari12" …). */
function esbuildTargets() {
  const names = { chrome: "chrome", edge: "edge", firefox: "firefox", safari: "safari", ios_saf: "ios" };
  const oldest = new Map();
  for (const entry of browserslist(undefined, { path: __dirname })) {
    const [family, version] = entry.split(" ");
    const name = names[family];
    if (!name) throw new Error(`.browserslistrc: ${entry} 不是 esbuild 能识别的浏览器`);
    const v = parseFloat(version.split("-")[0]);
    if (!oldest.has(name) || v < oldest.get(name)) oldest.set(name, v);
  }
  return [...oldest].map(([name, v]) => `${name}${v}`);
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const serve = Boolean(env.WEBPACK_SERVE);
  const urlProd = productionUrl();
  const officeJs = officeJsMode();
  const officeJsSrc = officeJs === "local" ? "office-js/office.js" : officeJsCdn;
  const port = Number(process.env.ADDIN_PORT || process.env.npm_package_config_dev_server_port || 3000);

  const copyPatterns = [
    { from: "assets/*", to: "assets/[name][ext]", globOptions: { ignore: ["**/screenshot-*"] } },
    // ES5, loaded before the bundles: the message where they cannot run (src/boot/README.md)
    // (marked minimized: the minifier would turn its functions into arrow functions, which IE 11 cannot parse)
    { from: "src/boot/boot.js", to: "boot.js", info: { minimized: true } },
    // the rule docs, served by the add-in itself (no external links): the Markdown, and the HTML the
    // settings view shows, rendered here so the pane carries no Markdown parser (scripts/rule-docs.js)
    { from: "docs/rules/*.md", to: "docs/rules/[name][ext]" },
    {
      from: "docs/rules/*.md",
      to: "docs/rules/[name].html",
      globOptions: { ignore: ["**/README.md"] },
      transform: (content) => renderRuleDoc(content.toString()),
    },
    {
      from: "manifest*.xml",
      to: "[name][ext]",
      transform(content) {
        return dev ? content : content.toString().split(urlDev).join(urlProd);
      },
    },
  ];
  if (officeJs === "local") {
    copyPatterns.push({
      from: path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist"),
      to: "office-js",
      // already minified by Microsoft: without this, terser would re-minify 80 MB of scripts (minutes)
      info: { minimized: true },
    });
  }

  const page = (filename, template, title, chunks, withOfficeJs) =>
    new HtmlWebpackPlugin({
      filename,
      template,
      title,
      chunks,
      officeJs: withOfficeJs ? officeJsSrc : undefined,
      minify: dev ? false : { collapseWhitespace: true, removeComments: true },
    });

  /** @type {import("webpack").Configuration} */
  const config = {
    mode: dev ? "development" : "production",
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      web: "./src/web/index.tsx",
      // the web page's batch worker (src/web/batch/worker.ts): a fixed name the page loads with
      // new Worker("batch-worker.js?v=<build hash>"); its libraries come by importScripts
      "batch-worker": {
        import: "./src/web/batch/worker.ts",
        filename: "batch-worker.js",
        chunkLoading: "import-scripts",
      },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      assetModuleFilename: "assets/[name].[contenthash:8][ext]",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // type checking is done by `npm test` (tsc); here only transpile
            options: { configFile: "tsconfig.webpack.json", transpileOnly: true },
          },
        },
        {
          test: /\.(png|jpe?g|gif|svg|ico|woff2?|ttf)$/,
          type: "asset/resource",
        },
      ],
    },
    optimization: {
      minimizer: [
        new MinimizerPlugin({
          minify: path.resolve(__dirname, "scripts/minify-js.js"),
          minimizerOptions: {
            target: esbuildTargets(),
            // Safari has parsed destructuring since 10; esbuild counts it unsupported before 14.1 (an
            // edge case of default values) and cannot lower it, so it is kept as written
            supported: { destructuring: true },
          },
        }),
      ],
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          // React is shared by the task pane and the web page; Fluent UI likewise. The ribbon's
          // function file (commands) uses neither and stays a small bundle of its own.
          react: {
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
            name: "react",
            priority: 20,
          },
          fluent: {
            test: /[\\/]node_modules[\\/](@fluentui|@griffel|@floating-ui|@swc|tabster|keyborg|stylis|rtl-css-js|use-sync-external-store|use-disposable|@emotion)[\\/]/,
            name: "fluent",
            priority: 10,
          },
          // the web page's libraries (exceljs, JSZip): loaded up front by the web page only. Async
          // imports (pinyin-pro, loaded when the templates view opens) keep their own chunks, so the
          // task pane never downloads exceljs and loads pinyin only when it needs it.
          vendors: {
            test: /[\\/]node_modules[\\/]/,
            name: "vendors",
            chunks: "initial",
            priority: -10,
            reuseExistingChunk: true,
          },
        },
      },
    },
    performance: {
      hints: dev ? false : "warning",
      // the largest page (task pane: React + Fluent UI) should stay well under this
      maxEntrypointSize: 700 * 1024,
      maxAssetSize: 500 * 1024,
      assetFilter: (file) => /\.js$/.test(file) && !file.startsWith("office-js/"),
    },
    plugins: [
      page("taskpane.html", "./src/taskpane/index.html", "绩效目标表助手", ["taskpane"], true),
      page("commands.html", "./src/commands/commands.html", "绩效目标表助手 · 功能区命令", ["commands"], true),
      page("web.html", "./src/web/index.html", "绩效目标表助手 · 网页版", ["web"], false),
      page("unsupported.html", "./src/boot/unsupported.html", "绩效目标表助手", [], true),
      // the manifest's SupportUrl: a help page, not the app
      page("help.html", "./src/taskpane/help.html", "绩效目标表助手 · 帮助", [], false),
      new CopyWebpackPlugin({ patterns: copyPatterns }),
    ],
    stats: dev ? "minimal" : "normal",
  };

  if (serve) {
    const https = await httpsOptions(port);
    config.devServer = {
      port,
      host: "localhost", // not on the network: the dev server is for this machine only
      hot: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : { type: "http" },
      static: [{ directory: path.resolve(__dirname, "samples"), publicPath: "/samples", watch: false }],
      client: { overlay: { warnings: false } },
    };
  }
  return config;
};
