/**
 * bench/bundle: the production bundle size. Gzipped JavaScript that taskpane.html loads at start
 * (goal ≤ 250 KB; office.js from Microsoft's CDN is not ours and not counted), the same for
 * web.html (which also carries exceljs) and commands.html, and the chunks loaded on demand
 * (the template library, the 模板 view, pinyin-pro) listed separately.
 *
 *   npx tsx bench/bundle.ts            uses dist/ (builds it when missing)
 *   npx tsx bench/bundle.ts --build    builds first (webpack --mode production)
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const GOAL_KB = 250;

function build(): void {
  console.log("构建 dist/（webpack --mode production）…");
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
    cwd: ROOT,
    stdio: "ignore",
    env: { ...process.env, OFFICE_JS: "cdn" },
  });
}

function gzipSize(file: string): number {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

/** The page's own scripts (relative src), in order. */
function scriptsOf(page: string): string[] {
  const html = fs.readFileSync(path.join(DIST, page), "utf8");
  return [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/g)]
    .map((m) => m[1])
    .filter((src) => !/^[a-z]+:|^\/\//i.test(src) && !src.startsWith("office-js/"));
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function report(page: string): { total: number; files: Set<string> } {
  const files = scriptsOf(page);
  let total = 0;
  console.log(`\n${page}（首次加载的 JavaScript）`);
  for (const f of files) {
    const full = path.join(DIST, f);
    const raw = fs.statSync(full).size;
    const gz = gzipSize(full);
    total += gz;
    console.log(`  ${f.padEnd(34)} ${kb(raw).padStart(10)}  gzip ${kb(gz).padStart(9)}`);
  }
  console.log(`  ${"合计".padEnd(32)} ${"".padStart(10)}  gzip ${kb(total).padStart(9)}`);
  return { total, files: new Set(files) };
}

function main(): void {
  if (process.argv.includes("--build") || !fs.existsSync(path.join(DIST, "taskpane.html"))) build();
  const taskpane = report("taskpane.html");
  const web = report("web.html");
  const commands = report("commands.html");
  const initial = new Set([...taskpane.files, ...web.files]);
  const lazy = fs.readdirSync(DIST).filter((f) => f.endsWith(".js") && !initial.has(f) && !commands.files.has(f));
  if (lazy.length) {
    console.log("\n按需加载的分块（不计入首次加载）");
    for (const f of lazy)
      console.log(
        `  ${f.padEnd(34)} ${kb(fs.statSync(path.join(DIST, f)).size).padStart(10)}  gzip ${kb(gzipSize(path.join(DIST, f))).padStart(9)}`
      );
  }
  const ok = taskpane.total <= GOAL_KB * 1024;
  console.log(
    `\n任务窗格首次加载 JavaScript（gzip）：${kb(taskpane.total)}，目标 ≤ ${GOAL_KB} KB：${ok ? "达标" : "超出"}`
  );
  console.log(`网页版首次加载 JavaScript（gzip，含 exceljs）：${kb(web.total)}`);
  if (!ok) process.exitCode = 1;
}

main();
