/**
 * The task pane's start-up JavaScript (what taskpane.html loads before the user does anything) stays
 * within its budget, gzipped, and carries no template library: the library and the 模板 view are
 * chunks loaded on demand (src/taskpane/library.ts, App.tsx). bench/bundle.ts prints the figures.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { DIST, ensureBuilt } from "../browser/harness";

const BUDGET = 250 * 1024;

function startScripts(page: string): string[] {
  const html = fs.readFileSync(path.join(DIST, page), "utf8");
  return [...html.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1]).filter((src) => !/^[a-z]+:|^\/\//i.test(src));
}

describe("the task pane's start-up JavaScript", () => {
  beforeAll(() => ensureBuilt());

  test("is at most 250 KB gzipped", () => {
    const total = startScripts("taskpane.html").reduce(
      (n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(DIST, f)), { level: 9 }).length,
      0,
    );
    expect(total).toBeGreaterThan(100 * 1024);
    expect(total).toBeLessThanOrEqual(BUDGET);
  });

  test("carries no template library: that is a chunk of its own, loaded on demand", () => {
    const library = JSON.parse(
      fs.readFileSync(path.join(__dirname, "../../src/core/templates/library/forestry.json"), "utf8"),
    ) as { templates: Array<{ explanation: string }> };
    const text = library.templates[0].explanation;
    const start = startScripts("taskpane.html").map((f) => fs.readFileSync(path.join(DIST, f), "utf8"));
    expect(start.some((s) => s.includes(text))).toBe(false);
    const all = fs.readdirSync(DIST).filter((f) => f.endsWith(".js"));
    expect(all.some((f) => fs.readFileSync(path.join(DIST, f), "utf8").includes(text))).toBe(true);
  });
});
