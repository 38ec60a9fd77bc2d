/**
 * The production build runs in the webviews Office uses (.browserslistrc; README "系统要求"): every
 * JavaScript file webpack emits — the task pane's, the function file's, the web page's, own code and
 * node_modules alike — parses at ECMAScript 2017, the language of EdgeHTML 18, the oldest of them.
 * A regular expression built from a constant string (esbuild turns a literal it cannot lower into
 * `new RegExp("…")`) must be valid at that level too, or it throws when it runs.
 */
import * as acorn from "acorn";
import fs from "node:fs";
import path from "node:path";
import { DIST, ensureBuilt } from "../browser/harness";

const LEVEL = 2017;

function emitted(dir = DIST): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "office-js" ? [] : emitted(full);
    return e.name.endsWith(".js") ? [full] : [];
  });
}

/** Every `new RegExp("…", "…")` / `RegExp("…")` whose arguments are string literals. */
function constantRegExps(program: acorn.Node): Array<{ pattern: string; flags: string; at: number }> {
  const out: Array<{ pattern: string; flags: string; at: number }> = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as { type?: string; callee?: { type: string; name?: string }; arguments?: unknown[]; start?: number };
    if ((n.type === "NewExpression" || n.type === "CallExpression") && n.callee?.type === "Identifier" && n.callee.name === "RegExp") {
      const [p, f] = (n.arguments ?? []) as Array<{ type: string; value?: unknown }>;
      if (p?.type === "Literal" && typeof p.value === "string" && (!f || (f.type === "Literal" && typeof f.value === "string")))
        out.push({ pattern: p.value, flags: (f?.value as string | undefined) ?? "", at: n.start ?? 0 });
    }
    for (const v of Object.values(n)) if (v && typeof v === "object") visit(v);
  };
  visit(program);
  return out;
}

/** The pattern as a literal at the language level (throws when it needs a later one). */
function checkPattern(pattern: string, flags: string): void {
  const escapes: Record<string, string> = { "/": "\\/", "\n": "\\n", "\r": "\\r", "\u2028": "\\u2028", "\u2029": "\\u2029" };
  const literal = `/${pattern.replace(/\\[^]|[/\n\r\u2028\u2029]/g, (m) => escapes[m] ?? m)}/${flags}`;
  acorn.parse(literal, { ecmaVersion: LEVEL });
}

describe(`the production build parses at ECMAScript ${LEVEL}`, () => {
  beforeAll(() => ensureBuilt());

  test("the check can fail: later syntax is refused at this level", () => {
    for (const later of ["a?.b", "a ?? b", "({...a})", "class A { x = 1 }", "try {} catch {}", "/(?<=a)b/", "/a/s"])
      expect(() => acorn.parse(later, { ecmaVersion: LEVEL })).toThrow();
    expect(() => checkPattern("(?<!a)b", "")).toThrow();
    expect(() => checkPattern("[^\\p{L}]", "u")).toThrow();
  });

  const files = emitted();
  test("the task pane, the function file and the web page are all there", () => {
    const names = files.map((f) => path.basename(f));
    for (const entry of ["taskpane", "commands", "web"]) expect(names.some((n) => n.startsWith(`${entry}.`))).toBe(true);
  });

  test("boot.js, which must run where nothing else does (Internet Explorer 11), is ECMAScript 5", () => {
    const boot = fs.readFileSync(path.join(DIST, "boot.js"), "utf8");
    expect(() => acorn.parse(boot, { ecmaVersion: 5 })).not.toThrow();
    expect(() => acorn.parse("var f = () => 1;", { ecmaVersion: 5 })).toThrow();
    for (const page of ["taskpane.html", "commands.html"]) {
      const html = fs.readFileSync(path.join(DIST, page), "utf8");
      const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1]);
      // after office.js, before the bundles
      expect(scripts.indexOf("boot.js")).toBe(1);
    }
  });

  test.each(files.map((f) => [path.relative(DIST, f), f]))("%s", (_name, file) => {
    const source = fs.readFileSync(file, "utf8");
    const program = acorn.parse(source, { ecmaVersion: LEVEL, sourceType: "script" });
    const bad = constantRegExps(program).filter((r) => {
      try {
        checkPattern(r.pattern, r.flags);
        return false;
      } catch {
        return true;
      }
    });
    expect(bad.map((r) => `/${r.pattern}/${r.flags}`)).toEqual([]);
  });
});

describe("regular expressions built at run time are valid at ECMAScript 2017", () => {
  test("every pattern the check and the template search construct on the sample workbook", async () => {
    const seen: string[] = [];
    const Native = RegExp;
    let checking = false; // acorn builds regular expressions of its own
    const Checked = new Proxy(Native, {
      construct(target, args: [string | RegExp, string?]) {
        const [source, flags] = args;
        if (!checking) {
          checking = true;
          const pattern = typeof source === "string" ? source : source.source;
          const f = flags ?? (typeof source === "string" ? "" : source.flags);
          try {
            checkPattern(pattern, f);
          } catch {
            seen.push(`/${pattern}/${f}`);
          } finally {
            checking = false;
          }
        }
        return Reflect.construct(target, args);
      },
    });
    (globalThis as { RegExp: RegExpConstructor }).RegExp = Checked;
    try {
      await jest.isolateModulesAsync(async () => {
        const { XlsxWorkbook } = await import("../../src/xlsx/workbook");
        const { runCheck } = await import("../../src/core/workflow");
        const { searchTemplates } = await import("../../src/core/templates/search");
        const bytes = fs.readFileSync(path.join(__dirname, "../../samples/liupanshui-2025.xlsx"));
        const result = await runCheck(await XlsxWorkbook.load(new Uint8Array(bytes)));
        for (const f of result.findings) void f.fix; // fixes are built on first access
        for (const q of ["满意度", "myd", "“三公”经费", "培训人次"]) searchTemplates(q);
        expect(result.findings.length).toBeGreaterThan(10);
      });
    } finally {
      (globalThis as { RegExp: RegExpConstructor }).RegExp = Native;
    }
    expect(seen).toEqual([]);
  });
});
