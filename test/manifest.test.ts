/**
 * manifest.xml, offline: the XSD check (xmllint with test/fixtures/manifest-schemas), Microsoft's
 * reader (office-addin-manifest, run in a child process: its dependency chain is ESM-only, which
 * Jest cannot load), and what no schema checks: resids, one origin, icon files and sizes, the
 * ribbon's FunctionNames against src/commands/commands.ts, and the production build's URLs.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const XSD = path.join(ROOT, "test", "fixtures", "manifest-schemas", "OfficeAppManifestV1_1.xsd");
const DIST = path.join(ROOT, "dist");
const DEV_ORIGIN = "https://localhost:3000";
const xml = fs.readFileSync(MANIFEST, "utf8");

// ---- a small XML reading of our own (regexes over a file we write ourselves) ----------------------

/** The manifest without comments and namespace declarations (whose URIs are not URLs to load). */
function body(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, "").replace(/\s(xmlns(:\w+)?|xsi:type)="[^"]*"/g, "");
}

function attrs(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

/** Every start tag named `name` (with prefix), as attribute maps. */
function tags(text: string, name: string): Record<string, string>[] {
  return [...body(text).matchAll(new RegExp(`<${name}\\b[^>]*>`, "g"))].map((m) => attrs(m[0]));
}

function textOf(text: string, name: string): string[] {
  return [...body(text).matchAll(new RegExp(`<${name}\\b[^>]*>([^<]*)</${name}>`, "g"))].map((m) => m[1].trim());
}

/** Every http(s) URL the manifest makes Office load or show. */
function urls(text: string): string[] {
  return [...body(text).matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]);
}

function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(buf.toString("latin1", 12, 16)).toBe("IHDR");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

// ---- XSD ----------------------------------------------------------------------------------------

const xmllint = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
const haveXmllint = !xmllint.error;
const mustValidate = process.env.REQUIRE_BROWSER === "1" || Boolean(process.env.CI);

describe("manifest.xml against the XSDs (xmllint)", () => {
  if (!haveXmllint && !mustValidate) {
    console.warn(
      `\n${"!".repeat(100)}\nXSD CHECK SKIPPED: xmllint is missing. Install it: apt-get install libxml2-utils\n${"!".repeat(100)}\n`
    );
  }
  const run = haveXmllint || mustValidate ? test : test.skip;

  run("validates (schema order, required elements, enumerations)", () => {
    if (!haveXmllint) throw new Error("xmllint is missing (CI/REQUIRE_BROWSER set): apt-get install libxml2-utils");
    const r = spawnSync("xmllint", ["--noout", "--schema", XSD, MANIFEST], { encoding: "utf8" });
    expect(r.stderr).toContain("validates");
    expect(r.status).toBe(0);
  });

  run("the schemas do reject a manifest with elements out of order", () => {
    if (!haveXmllint) throw new Error("xmllint is missing (CI/REQUIRE_BROWSER set): apt-get install libxml2-utils");
    const swapped = xml.replace(
      /(<ProviderName>[^<]*<\/ProviderName>)(\s*)(<DefaultLocale>[^<]*<\/DefaultLocale>)/,
      "$3$2$1"
    );
    expect(swapped).not.toBe(xml);
    const r = spawnSync("xmllint", ["--noout", "--schema", XSD, "-"], { input: swapped, encoding: "utf8" });
    expect(r.status).toBe(3);
  });
});

// ---- office-addin-manifest's reader -------------------------------------------------------------

describe("manifest.xml read by office-addin-manifest", () => {
  let info: Record<string, unknown>;

  beforeAll(() => {
    const script = `require("office-addin-manifest").OfficeAddinManifest.readManifestFile(process.argv[1])
      .then((m) => process.stdout.write(JSON.stringify(m)), (e) => { console.error(e); process.exit(1); });`;
    const out = execFileSync(process.execPath, ["-e", script, MANIFEST], { cwd: ROOT, encoding: "utf8" });
    info = JSON.parse(out) as Record<string, unknown>;
  });

  test("host, permissions, locale, names", () => {
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(info.defaultLocale).toBe("zh-CN");
    expect(info.displayName).toBe("绩效目标表助手");
    expect(String(info.description)).toMatch(/绩效目标表/);
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect((info.defaultSettings as { sourceLocation: string }).sourceLocation).toBe(`${DEV_ORIGIN}/taskpane.html`);
  });
});

// ---- what the schemas cannot check --------------------------------------------------------------

describe("manifest.xml beyond the schema", () => {
  test("requirement set ExcelApi ≥ 1.13 (getMergedAreasOrNullObject)", () => {
    const sets = tags(xml, "Set");
    const excel = sets.find((s) => s.Name === "ExcelApi");
    expect(excel).toBeDefined();
    expect(compareVersions(excel!.MinVersion, "1.13")).toBeGreaterThanOrEqual(0);
  });

  test("en-US overrides for the display name and description", () => {
    expect(xml).toMatch(/<DisplayName DefaultValue="绩效目标表助手">\s*<Override Locale="en-US" Value="[^"]+"\/>/);
    expect(xml).toMatch(/<Description DefaultValue="[^"]+">\s*<Override Locale="en-US" Value="[^"]+"\/>/);
  });

  test("every resid is defined, and every resource id is unique", () => {
    const defined = [...tags(xml, "bt:Image"), ...tags(xml, "bt:Url"), ...tags(xml, "bt:String")]
      .map((a) => a.id)
      .filter(Boolean);
    expect(new Set(defined).size).toBe(defined.length);
    const used = [...body(xml).matchAll(/\bresid="([^"]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((r) => !defined.includes(r))).toEqual([]);
    // and nothing is defined in vain
    expect(defined.filter((d) => !used.includes(d))).toEqual([]);
  });

  test("every URL is on one origin, https://localhost:3000, in the source manifest", () => {
    const all = urls(xml);
    expect(all.length).toBeGreaterThan(5);
    expect(all.filter((u) => new URL(u).origin !== DEV_ORIGIN)).toEqual([]);
  });

  test("the ribbon group 绩效目标 on the Home tab has the three buttons with Chinese supertips", () => {
    expect(tags(xml, "OfficeTab").map((t) => t.id)).toEqual(["TabHome"]);
    const strings = new Map(tags(xml, "bt:String").map((s) => [s.id, s.DefaultValue]));
    const group = tags(xml, "Group")[0];
    expect(group).toBeDefined();
    const groupLabel = /<Group\b[^>]*>\s*<Label resid="([^"]+)"/.exec(body(xml))![1];
    expect(strings.get(groupLabel)).toBe("绩效目标");
    const controls = [...body(xml).matchAll(/<Control\b[^>]*id="([^"]+)"[^>]*>([\s\S]*?)<\/Control>/g)].map((m) => {
      const inner = m[2];
      return {
        id: m[1],
        label: strings.get(/<Label resid="([^"]+)"/.exec(inner)![1]),
        tip: strings.get(/<Supertip>[\s\S]*?<Description resid="([^"]+)"/.exec(inner)![1]) ?? "",
      };
    });
    // body() strips xsi:type, so the actions are read from the raw text
    const actions = [...xml.matchAll(/<Action xsi:type="(\w+)">/g)].map((m) => m[1]);
    expect(controls.map((c) => c.label)).toEqual(["一键校验", "打开助手", "清除标记"]);
    expect(actions).toEqual(["ExecuteFunction", "ShowTaskpane", "ExecuteFunction"]);
    expect(new Set(controls.map((c) => c.id)).size).toBe(3);
    for (const c of controls) expect(c.tip).toMatch(/[\u4e00-\u9fff]{4,}/);
    expect(textOf(xml, "SourceLocation")).toEqual([]); // SourceLocation uses resid / DefaultValue, never text
  });

  test("icons exist in assets/ with the pixel sizes the manifest claims", () => {
    const images = new Map(
      tags(xml, "bt:Image")
        .filter((a) => a.id)
        .map((a) => [a.id, a.DefaultValue])
    );
    const claims: [string, number][] = [];
    for (const use of tags(xml, "bt:Image").filter((a) => a.resid)) {
      claims.push([images.get(use.resid)!, Number(use.size)]);
    }
    claims.push([tags(xml, "IconUrl")[0].DefaultValue, 32]);
    claims.push([tags(xml, "HighResolutionIconUrl")[0].DefaultValue, 64]);
    expect(claims.length).toBeGreaterThan(4);
    for (const [url, size] of claims) {
      const rel = new URL(url).pathname.replace(/^\//, "");
      expect(rel).toMatch(/^assets\/[\w-]+\.png$/);
      const file = path.join(ROOT, rel);
      expect(fs.existsSync(file)).toBe(true);
      expect({ url, ...pngSize(file) }).toEqual({ url, width: size, height: size });
    }
    // every ribbon size Office asks for (learn.microsoft.com, "Create add-in commands": 16, 32, 80 required;
    // 20, 24, 40, 48, 64 supported), on each control
    const icons = tags(xml, "Icon").length;
    expect(icons).toBe(4);
    for (const size of [16, 20, 24, 32, 40, 48, 64, 80])
      expect(tags(xml, "bt:Image").filter((a) => a.resid && Number(a.size) === size)).toHaveLength(icons);
    // the full icon set and the logo
    for (const size of [16, 20, 24, 32, 40, 48, 64, 80, 128]) {
      expect(pngSize(path.join(ROOT, "assets", `icon-${size}.png`))).toEqual({ width: size, height: size });
    }
    expect(pngSize(path.join(ROOT, "assets", "logo-filled.png"))).toEqual({ width: 128, height: 128 });
  });

  test("the ExecuteFunction names are exactly what src/commands/commands.ts associates", () => {
    const functionNames = textOf(xml, "FunctionName");
    expect(functionNames).toEqual(["checkWorkbook", "clearMarks"]);
    const commands = fs.readFileSync(path.join(ROOT, "src", "commands", "commands.ts"), "utf8");
    const associated = [...commands.matchAll(/Office\.actions\.associate\(\s*["'](\w+)["']\s*,\s*(\w+)\s*\)/g)];
    expect(associated.map((m) => m[1]).sort()).toEqual([...functionNames].sort());
    // each is associated with the function of the same name
    for (const m of associated) expect(m[2]).toBe(m[1]);
  });
});

// ---- the production build ----------------------------------------------------------------------

describe("production build", () => {
  beforeAll(() => {
    // scripts/test.js builds before jest; build here only when running this file alone
    if (!fs.existsSync(path.join(DIST, "manifest.xml"))) {
      execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
        cwd: ROOT,
        stdio: "inherit",
      });
    }
  }, 300_000);

  test("dist/manifest.xml has no localhost URL and all its URLs share one https origin", () => {
    const built = fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8");
    expect(built).not.toMatch(/https?:\/\/localhost/);
    const origins = new Set(urls(built).map((u) => new URL(u).origin));
    expect(origins.size).toBe(1);
    expect([...origins][0]).toMatch(/^https:\/\//);
    // only the URLs changed
    expect(built.split(/https:\/\/[^/"]+\//).length).toBe(xml.split(`${DEV_ORIGIN}/`).length);
  });

  test("ADDIN_URL sets the production URL (trailing slash added)", () => {
    const script = `
      process.env.ADDIN_URL = "https://intranet.example.gov.cn/perf-target";
      require("./webpack.config.js")({}, { mode: "production" }).then((config) => {
        const copy = config.plugins.find((p) => p.constructor.name === "CopyPlugin");
        const pattern = copy.patterns.find((p) => p.from === "manifest*.xml");
        process.stdout.write(pattern.transform(require("fs").readFileSync("manifest.xml")));
      });`;
    const out = execFileSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" });
    expect(out).not.toMatch(/https?:\/\/localhost/);
    expect(out).toContain('"https://intranet.example.gov.cn/perf-target/taskpane.html"');
    expect(new Set(urls(out).map((u) => new URL(u).origin))).toEqual(new Set(["https://intranet.example.gov.cn"]));
  });

  test("SupportUrl is a help page (no script), not the app", () => {
    const url = tags(xml, "SupportUrl")[0].DefaultValue;
    expect(new URL(url).pathname).toBe("/help.html");
    const html = fs.readFileSync(path.join(DIST, "help.html"), "utf8");
    expect(html).toMatch(/帮助/);
    expect(html).toMatch(/常见问题/);
    expect(html).not.toMatch(/<script/);
  });

  test.each([
    ["taskpane.html", true],
    ["commands.html", true],
    ["web.html", false],
  ])("dist/%s is built (office.js: %s)", (page, withOfficeJs) => {
    const html = fs.readFileSync(path.join(DIST, page), "utf8");
    expect(/office\.js/.test(html)).toBe(withOfficeJs);
    expect(html).toMatch(/<html lang="?zh-CN/);
  });

  test("the built manifest still validates against the XSDs", () => {
    if (!haveXmllint) {
      if (mustValidate) throw new Error("xmllint is missing: apt-get install libxml2-utils");
      return;
    }
    const r = spawnSync("xmllint", ["--noout", "--schema", XSD, path.join(DIST, "manifest.xml")], { encoding: "utf8" });
    expect(r.status).toBe(0);
  });
});
