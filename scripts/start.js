#!/usr/bin/env node
/**
 * npm start — the main job on the bundled sample workbook (samples/liupanshui-2025.xlsx).
 *
 *  - Windows / macOS (Excel installed): `office-addin-debugging start manifest.xml desktop --app excel
 *    --document samples/liupanshui-2025.xlsx` — starts the dev server (npm run dev-server, https on
 *    port 3000), sideloads the add-in and opens the sample workbook in Excel. `npm stop` ends it.
 *  - Elsewhere (Linux, no Excel): builds dist/ (production), copies the sample to dist/samples/, serves
 *    dist/ on http://localhost:3000 (or the next free port) with a tiny static server, and prints the
 *    URL of the stand-alone page with the sample loaded. Runs until Ctrl-C.
 *
 * Options (after `npm start --`): --no-build (serve the existing dist/), --web (the Linux behaviour on
 * any platform). Environment: ADDIN_PORT (first port to try, default 3000).
 */
"use strict";

const { spawn, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const http = require("node:http");
const path = require("node:path");
const { staticHandler } = require("./static-server");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const SAMPLE = "liupanshui-2025.xlsx";
const SAMPLE_PATH = path.join(ROOT, "samples", SAMPLE);
const args = process.argv.slice(2);

function binOf(pkg, name) {
  const dir = path.dirname(require.resolve(`${pkg}/package.json`));
  const json = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  const rel = typeof json.bin === "string" ? json.bin : json.bin[name || pkg];
  return path.join(dir, rel);
}

// ---- Windows / macOS: sideload into Excel --------------------------------------------------------

function sideload() {
  console.log("在 Excel 中旁加载绩效目标表助手，并打开示例工作簿 samples/" + SAMPLE + " …");
  const child = spawn(
    process.execPath,
    [binOf("office-addin-debugging"), "start", "manifest.xml", "desktop", "--app", "excel", "--document", SAMPLE_PATH],
    { cwd: ROOT, stdio: "inherit" }
  );
  child.on("exit", (code) => process.exit(code ?? 1));
}

// ---- elsewhere: build and serve the stand-alone page ---------------------------------------------

const handler = staticHandler(DIST, { redirect: `/web.html?sample=${SAMPLE}` });

/** Listens on 127.0.0.1 at `port`, or the next free one (up to +20), else any free port. */
function listen(port, tries = 20) {
  return new Promise((resolve, reject) => {
    const server = http.createServer(handler);
    server.once("error", (err) => {
      if (err.code === "EADDRINUSE" && tries > 0) resolve(listen(port === 0 ? 0 : port + 1, tries - 1));
      else if (err.code === "EADDRINUSE") resolve(listen(0, 0));
      else reject(err);
    });
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

async function serveWeb() {
  if (!args.includes("--no-build") || !fs.existsSync(path.join(DIST, "web.html"))) {
    console.log("构建网页版（webpack --mode production）…");
    const r = spawnSync(process.execPath, [binOf("webpack-cli"), "--mode", "production"], {
      cwd: ROOT,
      stdio: "inherit",
    });
    if (r.status !== 0) {
      console.error("构建失败。");
      process.exit(r.status || 1);
    }
  }
  fs.mkdirSync(path.join(DIST, "samples"), { recursive: true });
  fs.copyFileSync(SAMPLE_PATH, path.join(DIST, "samples", SAMPLE));

  const first = Number(process.env.ADDIN_PORT || 3000);
  const server = await listen(first);
  const { port } = server.address();
  if (first !== 0 && port !== first) console.log(`端口 ${first} 已被占用，改用 ${port}。`);
  const url = `http://localhost:${port}/web.html?sample=${SAMPLE}`;
  console.log("");
  console.log("绩效目标表助手 · 网页版（此系统上没有 Excel，改为提供独立网页）");
  console.log(`  ${url}`);
  console.log("按 Ctrl-C 停止。");

  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 1000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

const excelPlatform = process.platform === "win32" || process.platform === "darwin";
if (excelPlatform && !args.includes("--web")) sideload();
else
  serveWeb().catch((err) => {
    console.error(err);
    process.exit(1);
  });
