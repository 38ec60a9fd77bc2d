/**
 * Fuzz cases: real workbook packages (the sample, the real-table fixtures when present, clean
 * workbooks of several sheets, one carrying settings) changed at the zip and the XML level —
 * truncation, dropped parts, flipped bytes, announced sizes that lie, huge addresses, giant merges,
 * bad character references, nested elements in shared strings, wrong types, damaged names and
 * settings. Deterministic: case k of seed s is always the same bytes.
 */
import fs from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { cleanWorkbook } from "../cli/packages";
import { ROOT, SAMPLE } from "../cli/helpers";

/** mulberry32: a small deterministic generator. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rand, n: number): number => Math.floor(r() * n);

export interface Seed {
  readonly name: string;
  readonly bytes: Buffer;
}

const SETTINGS_XML = (json: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<settings xmlns="urn:perf-target-assistant:settings" version="1">${json}</settings>`;

/** The workbooks the cases start from. */
export async function seeds(): Promise<Seed[]> {
  const out: Seed[] = [
    { name: "sample", bytes: fs.readFileSync(SAMPLE) },
    { name: "raw", bytes: fs.readFileSync(path.join(ROOT, "samples", "liupanshui-2025-raw.xlsx")) },
    { name: "clean3", bytes: await cleanWorkbook(["甲", "乙", "丙"]) },
  ];
  const zip = await JSZip.loadAsync(await cleanWorkbook(["设置"]));
  zip.file("customXml/item1.xml", SETTINGS_XML(JSON.stringify({ rules: { "missing-explanation": "off" } })));
  out.push({ name: "settings", bytes: await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }) });
  const real = path.join(ROOT, "test", "fixtures", "real");
  if (fs.existsSync(real))
    for (const f of fs
      .readdirSync(real)
      .filter((n) => n.endsWith(".xlsx"))
      .sort())
      out.push({ name: `real/${f}`, bytes: fs.readFileSync(path.join(real, f)) });
  return out;
}

/** A change of one XML part; returns the new text and what it did. */
type XmlMutation = (xml: string, r: Rand) => { xml: string; what: string } | null;

function atRandom(xml: string, re: RegExp, r: Rand): RegExpExecArray | null {
  const all = [...xml.matchAll(new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`))];
  return all.length ? (all[int(r, all.length)] as RegExpExecArray) : null;
}

function replaceAt(xml: string, m: RegExpExecArray, text: string): string {
  return xml.slice(0, m.index) + text + xml.slice(m.index + m[0].length);
}

const BAD_REFS = ["&#0;", "&#xD800;", "&#x110000;", "&#99999999999;", "&bogus;", "&", "&#x1B;", "&#;", "&amp"];
const ADDRESSES = ["XFD1048576", "XFD9000", "A1048577", "XFE1", "ZZZZ1", "A0", "1A", "", "AAAA99999999", "B2"];
const MERGES = ["A1:XFD1048576", "H1:XFD1048576", "A1:A1048576", "B2:A1", "A1:ZZZZ9", "XFD1048576:XFD1048576", "A1:B2"];

const XML_MUTATIONS: Readonly<Record<string, XmlMutation>> = {
  truncate: (xml, r) => ({ xml: xml.slice(0, int(r, xml.length - 1)), what: "truncated" }),
  badRef: (xml, r) => {
    const m = atRandom(xml, />([^<]+)</, r);
    return m ? { xml: replaceAt(xml, m, `>${m[1]}${pick(r, BAD_REFS)}<`), what: "bad reference" } : null;
  },
  hugeAddress: (xml, r) => {
    const m = atRandom(xml, /<c r="[A-Z]+\d+"/, r);
    const a = pick(r, ADDRESSES);
    return m ? { xml: replaceAt(xml, m, `<c r="${a}"`), what: `address ${a}` } : null;
  },
  farCell: (xml, r) => {
    const a = pick(r, ADDRESSES);
    if (!xml.includes("</sheetData>")) return null;
    return {
      xml: xml.replace("</sheetData>", `<row r="${1 + int(r, 1048576)}"><c r="${a}"><v>1</v></c></row></sheetData>`),
      what: `far cell ${a}`,
    };
  },
  giantMerge: (xml, r) => {
    const ref = pick(r, MERGES);
    const cells = `<mergeCell ref="${ref}"/>`.repeat(1 + int(r, 3));
    if (xml.includes("<mergeCells"))
      return { xml: xml.replace(/<mergeCells[^>]*>/, (m) => m + cells), what: `merge ${ref}` };
    if (!xml.includes("</sheetData>")) return null;
    return { xml: xml.replace("</sheetData>", `</sheetData><mergeCells>${cells}</mergeCells>`), what: `merge ${ref}` };
  },
  manyMerges: (xml) => {
    if (!xml.includes("</sheetData>")) return null;
    const list = Array.from({ length: 3000 }, (_, i) => `<mergeCell ref="J${i * 2 + 1}:K${i * 2 + 2}"/>`).join("");
    return {
      xml: xml
        .replace(/<mergeCells[^>]*>[\s\S]*?<\/mergeCells>/, "")
        .replace("</sheetData>", `</sheetData><mergeCells>${list}</mergeCells>`),
      what: "3000 merges",
    };
  },
  nestedSi: (xml, r) => {
    const m = atRandom(xml, /<si>([\s\S]*?)<\/si>/, r);
    const forms = [
      "<si><t>甲<t>乙</t></t></si>",
      "<si><si><t>套</t></si></si>",
      "<si><r><r><t>嵌</t></r></r></si>",
      "<si><t>前</t><rPh><t>注</t></rPh><t>后</t></si>",
      "<si/>",
      "<si><t/></si>",
    ];
    return m ? { xml: replaceAt(xml, m, pick(r, forms)), what: "nested shared string" } : null;
  },
  wrongType: (xml, r) => {
    const m = atRandom(xml, /<c ([^>]*?)(\/?)>/, r);
    const attr = pick(r, [
      `t="${pick(r, ["s", "n", "b", "e", "str", "inlineStr", "d", "zz"])}"`,
      `s="${pick(r, ["999999", "-1", "x", "0"])}"`,
    ]);
    return m
      ? { xml: replaceAt(xml, m, `<c ${m[1].replace(/\s?(t|s)="[^"]*"/g, "")} ${attr}${m[2]}>`), what: `cell ${attr}` }
      : null;
  },
  wrongValue: (xml, r) => {
    const m = atRandom(xml, /<v>[^<]*<\/v>/, r);
    const v = pick(r, ["abc", "1e400", "NaN", "-0", "99999999", "", " ", "0x10", "1.5"]);
    return m ? { xml: replaceAt(xml, m, `<v>${v}</v>`), what: `value "${v}"` } : null;
  },
  dropElement: (xml, r) => {
    const m = atRandom(xml, /<\/(row|c|si|t|v|sheetData|mergeCells)>/, r);
    return m ? { xml: replaceAt(xml, m, ""), what: `dropped ${m[0]}` } : null;
  },
  controlChars: (xml, r) => {
    const m = atRandom(xml, /<t[^>]*>([^<]*)<\/t>/, r);
    const c = pick(r, ["_x001B_[2J", "_x0007_", "_x0000_", "\u0001", "\u202e", "😀", "\ud83d"]);
    return m ? { xml: replaceAt(xml, m, m[0].replace(m[1], m[1] + c)), what: `text + ${JSON.stringify(c)}` } : null;
  },
  deepNesting: (xml) =>
    xml.includes("</sheetData>")
      ? {
          xml: xml.replace("</sheetData>", `</sheetData>${"<x>".repeat(20000)}${"</x>".repeat(20000)}`),
          what: "20000 nested elements",
        }
      : null,
  wideRow: (xml, r) => {
    if (!xml.includes("</sheetData>")) return null;
    const n = 2000 + int(r, 8000);
    const cells = Array.from({ length: n }, (_, i) => `<c><v>${i}</v></c>`).join("");
    return {
      xml: xml.replace("</sheetData>", `<row r="${900 + int(r, 100)}">${cells}</row></sheetData>`),
      what: `row of ${n} cells without addresses`,
    };
  },
  sheetNames: (xml, r) => {
    const m = atRandom(xml, /<sheet ([^>]*?)name="[^"]*"/, r);
    const name = pick(r, ["", "甲", "History", "a*b", "'引号'", "很长的名字".repeat(10), "&lt;b&gt;", "x\u0001"]);
    return m ? { xml: replaceAt(xml, m, `<sheet ${m[1]}name="${name}"`), what: `sheet name "${name}"` } : null;
  },
  numFmt: (xml, r) => {
    const code = pick(r, ["0." + "0".repeat(300), 'yyyy"年"m"月"', "[Red]0%", "@", "", "0%;0%;0%;0%", "\\"]);
    if (!xml.includes("<cellXfs")) return null;
    const numFmts = `<numFmts count="1"><numFmt numFmtId="200" formatCode="${code.replace(/"/g, "&quot;")}"/></numFmts>`;
    return {
      xml: xml
        .replace(/<numFmts[^>]*>[\s\S]*?<\/numFmts>/, "")
        .replace(/<fonts/, `${numFmts}<fonts`)
        .replace(/numFmtId="\d+"/g, 'numFmtId="200"'),
      what: `number format ${JSON.stringify(code.slice(0, 20))}`,
    };
  },
  settings: (xml, r) => {
    if (!xml.includes("urn:perf-target-assistant:settings")) return null;
    const body = pick(r, [
      '{"rules":{"budget-mismatch":"off","missing-value":"info"}}',
      "{not json",
      '{"rules":"x","ignored":5}',
      "&#x110000;",
      '{"ignored":[{"fingerprint":1}]}',
    ]);
    return { xml: SETTINGS_XML(body), what: `settings ${body.slice(0, 20)}` };
  },
};

/** Which mutations make sense for a part. */
function mutationsFor(part: string): string[] {
  if (/^xl\/worksheets\//.test(part))
    return [
      "truncate",
      "badRef",
      "hugeAddress",
      "farCell",
      "giantMerge",
      "manyMerges",
      "wrongType",
      "wrongValue",
      "dropElement",
      "deepNesting",
      "wideRow",
    ];
  if (/sharedStrings/.test(part)) return ["truncate", "badRef", "nestedSi", "dropElement", "controlChars"];
  if (/workbook\.xml$/.test(part)) return ["truncate", "badRef", "sheetNames", "sheetNames", "dropElement"];
  if (/styles\.xml$/.test(part)) return ["truncate", "numFmt", "numFmt", "badRef"];
  if (/^customXml\/item\d+\.xml$/.test(part)) return ["settings", "settings", "truncate", "badRef"];
  return ["truncate", "badRef", "dropElement"];
}

/** Changes that always leave the part's XML malformed: a sheet part so changed can never be read. */
const BREAKING = new Set(["truncate", "badRef", "dropElement"]);

/** What a case did to its seed, and the worksheet parts it made unreadable for sure. */
export interface Case {
  readonly seed: string;
  readonly bytes: Buffer;
  readonly what: string;
  readonly damaged: readonly string[];
}

async function zipLevel(bytes: Buffer, r: Rand): Promise<{ bytes: Buffer; what: string }> {
  const kind = pick(r, ["truncate", "flip", "size", "drop", "store"]);
  if (kind === "truncate") return { bytes: bytes.subarray(0, int(r, bytes.length)), what: "zip truncated" };
  if (kind === "flip") {
    const b = Buffer.from(bytes);
    const n = 1 + int(r, 4);
    for (let i = 0; i < n; i++) b[int(r, b.length)] ^= 1 << int(r, 8);
    return { bytes: b, what: `zip ${n} bits flipped` };
  }
  if (kind === "size") {
    const b = Buffer.from(bytes);
    const at = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), b.length - 1 - int(r, 2000));
    if (at >= 0) b.writeUInt32LE(pick(r, [0, 1, 0x7fffffff, 0xffffffff, 200 * 1024 * 1024]), at + 24);
    return { bytes: b, what: "zip size announced wrong" };
  }
  const zip = await JSZip.loadAsync(bytes);
  if (kind === "drop") {
    const part = pick(
      r,
      Object.keys(zip.files).filter((n) => !zip.files[n].dir)
    );
    zip.remove(part);
    return { bytes: await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }), what: `dropped ${part}` };
  }
  return { bytes: await zip.generateAsync({ type: "nodebuffer", compression: "STORE" }), what: "stored" };
}

/** Case k: 1–3 changes to a seed, XML-level mostly, zip-level sometimes (last, so it is not undone). */
export async function makeCase(all: readonly Seed[], seed: number, k: number): Promise<Case> {
  const r = random(seed * 1_000_003 + k);
  const s = pick(r, all);
  const zip = await JSZip.loadAsync(s.bytes);
  const parts = Object.keys(zip.files).filter((n) => !zip.files[n].dir && /\.(xml|rels)$/.test(n));
  const done: string[] = [];
  const damaged: string[] = [];
  const n = 1 + int(r, 3);
  for (let i = 0; i < n; i++) {
    const sheets = parts.filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p));
    const part = r() < 0.5 && sheets.length ? pick(r, sheets) : pick(r, parts);
    const name = pick(r, mutationsFor(part));
    const xml = await zip.file(part)!.async("string");
    const changed = XML_MUTATIONS[name](xml, r);
    if (!changed) continue;
    zip.file(part, changed.xml);
    done.push(`${part}: ${changed.what}`);
    // a part is damaged when its last change broke it: a later change may replace the broken text
    // (a bad reference inside a <v> that "wrong value" then rewrites)
    const at = damaged.indexOf(part);
    if (at >= 0) damaged.splice(at, 1);
    if (BREAKING.has(name) && /^xl\/worksheets\/[^/]+\.xml$/.test(part)) damaged.push(part);
  }
  let bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  if (r() < 0.25) {
    const z = await zipLevel(bytes, r);
    bytes = z.bytes;
    done.push(z.what);
  }
  return { seed: s.name, bytes, what: `${s.name} | ${done.join(" | ") || "unchanged"}`, damaged };
}
