/**
 * What exceljs does not keep or cannot write, put back into the saved package with JSZip:
 * - the customXml parts (ours holds the settings: src/core/settings-xml.ts; other programs' parts
 *   are kept as they were);
 * - the workbook's default font (exceljs always writes Calibri 11 as font 0);
 * - hyperlinks inside the workbook (exceljs writes every hyperlink with an external relationship,
 *   even "Sheet!A1" ones, so Excel would look for a file): `location` links, no relationship.
 * The package is unzipped and written again once, only when one of these is needed.
 */
import JSZip from "jszip";
import { SETTINGS_NAMESPACE } from "../core/settings-xml";

/** A customXml part of the package. */
export interface CustomXmlPart {
  readonly xml: string;
  readonly propsXml: string | null;
}

/** A hyperlink to a place in the workbook, in a cell of a sheet. */
export interface InternalLink {
  readonly sheet: string;
  /** The cell holding the link ("B2"). */
  readonly ref: string;
  /** Where it goes: "'部门整体支出'!F62". */
  readonly location: string;
  readonly display: string;
}

/** What save() puts back into exceljs's output. */
export interface PackagePatch {
  /** Font 0 of the file as loaded (null: leave exceljs's). */
  readonly defaultFont: string | null;
  readonly parts: readonly CustomXmlPart[];
  readonly links: readonly InternalLink[];
}

/** What exceljs writes as font 0 whatever the file had. */
const EXCELJS_DEFAULT_FONT =
  '<font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font>';

const FONT = /<font\b[^>]*\/>|<font\b[^>]*>[\s\S]*?<\/font>/;

function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function unescapeXml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

async function text(zip: JSZip, name: string): Promise<string | null> {
  return (await zip.file(name)?.async("string")) ?? null;
}

/* ------------------------------------------------------------ reading */

/** The default font (font 0 of styles.xml) of a package, or null. */
export async function defaultFontOf(bytes: Uint8Array): Promise<string | null> {
  const styles = await text(await JSZip.loadAsync(bytes), "xl/styles.xml");
  const fonts = styles ? /<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(styles) : null;
  return fonts ? (FONT.exec(fonts[1])?.[0] ?? null) : null;
}

/** The package's customXml parts (itemN.xml with its itemPropsN.xml), in item order. */
export async function readCustomXml(bytes: Uint8Array): Promise<CustomXmlPart[]> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: CustomXmlPart[] = [];
  const items = Object.keys(zip.files)
    .filter((n) => /^customXml\/item\d+\.xml$/i.test(n))
    .sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]));
  for (const name of items) {
    const xml = (await text(zip, name)) as string;
    const rels = await text(zip, name.replace(/^customXml\//, "customXml/_rels/") + ".rels");
    const target = rels ? /Target="([^"]+)"/.exec(rels)?.[1] : undefined;
    const propsXml = target ? await text(zip, `customXml/${target.replace(/^\.\//, "")}`) : null;
    parts.push({ xml, propsXml });
  }
  return parts;
}

/* ------------------------------------------------------------ writing */

/** exceljs's output with the patch applied (unchanged when there is nothing to put back). */
export async function patchPackage(out: Uint8Array, patch: PackagePatch): Promise<Uint8Array> {
  const font = patch.defaultFont !== null && patch.defaultFont !== EXCELJS_DEFAULT_FONT ? patch.defaultFont : null;
  if (font === null && patch.parts.length === 0 && patch.links.length === 0) return out;
  const zip = await JSZip.loadAsync(out);
  if (font !== null) await writeDefaultFont(zip, font);
  if (patch.parts.length) await writeCustomXml(zip, patch.parts);
  for (const sheet of new Set(patch.links.map((l) => l.sheet)))
    await writeInternalLinks(
      zip,
      sheet,
      patch.links.filter((l) => l.sheet === sheet)
    );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

async function writeDefaultFont(zip: JSZip, font: string): Promise<void> {
  const styles = await text(zip, "xl/styles.xml");
  const fonts = styles ? /(<fonts\b[^>]*>)([\s\S]*?)(<\/fonts>)/.exec(styles) : null;
  if (!styles || !fonts) return;
  const inner = fonts[2].replace(FONT, () => font);
  zip.file(
    "xl/styles.xml",
    styles.slice(0, fonts.index) + fonts[1] + inner + fonts[3] + styles.slice(fonts.index + fonts[0].length)
  );
}

function guid(): string {
  const hex = "0123456789ABCDEF";
  let s = "";
  for (let i = 0; i < 32; i++) s += hex[Math.floor(Math.random() * 16)];
  return `{${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}}`;
}

const REL_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
const REL_CUSTOM_XML_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
const CT_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";

/** Writes customXml/itemN.xml, itemPropsN.xml, their relationships, the workbook relationships and the content types. */
async function writeCustomXml(zip: JSZip, parts: readonly CustomXmlPart[]): Promise<void> {
  let relsXml = (await text(zip, "xl/_rels/workbook.xml.rels")) ?? "";
  let types = (await text(zip, "[Content_Types].xml")) ?? "";
  const ids = [...relsXml.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
  let nextId = ids.length ? Math.max(...ids) + 1 : 1;
  let rels = "";
  let overrides = "";
  parts.forEach((p, i) => {
    const n = i + 1;
    const props =
      p.propsXml ??
      `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${guid()}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${SETTINGS_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`;
    zip.file(`customXml/item${n}.xml`, p.xml);
    zip.file(`customXml/itemProps${n}.xml`, props);
    zip.file(
      `customXml/_rels/item${n}.xml.rels`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_CUSTOM_XML_PROPS}" Target="itemProps${n}.xml"/></Relationships>`
    );
    rels += `<Relationship Id="rId${nextId++}" Type="${REL_CUSTOM_XML}" Target="../customXml/item${n}.xml"/>`;
    overrides += `<Override PartName="/customXml/itemProps${n}.xml" ContentType="${CT_PROPS}"/>`;
  });
  relsXml = relsXml
    .replace(/<Relationship\b[^>]*Type="[^"]*\/customXml"[^>]*\/>/g, "")
    .replace("</Relationships>", `${rels}</Relationships>`);
  types = types.replace(/<Override PartName="\/customXml\/[^"]*"[^>]*\/>/g, "");
  if (!/Extension="xml"/i.test(types))
    types = types.replace("</Types>", `<Default Extension="xml" ContentType="application/xml"/></Types>`);
  types = types.replace("</Types>", `${overrides}</Types>`);
  zip.file("xl/_rels/workbook.xml.rels", relsXml);
  zip.file("[Content_Types].xml", types);
}

/** Elements that follow <hyperlinks> in a worksheet (CT_Worksheet order): the links go before the first present. */
const AFTER_HYPERLINKS = [
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** The part name of a sheet ("xl/worksheets/sheet7.xml"), from workbook.xml and its relationships. */
async function sheetPart(zip: JSZip, sheet: string): Promise<string | null> {
  const workbookXml = await text(zip, "xl/workbook.xml");
  const relsXml = await text(zip, "xl/_rels/workbook.xml.rels");
  if (!workbookXml || !relsXml) return null;
  let rid: string | null = null;
  for (const m of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    if (name !== undefined && unescapeXml(name) === sheet) rid = /\br:id="([^"]*)"/.exec(m[0])?.[1] ?? null;
  }
  let target: string | null = null;
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    if (rid && /\bId="([^"]*)"/.exec(m[0])?.[1] === rid) target = /\bTarget="([^"]*)"/.exec(m[0])?.[1] ?? null;
  }
  if (!target) return null;
  return target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
}

/** Puts the sheet's internal hyperlinks (location only, no relationship) into its part. */
async function writeInternalLinks(zip: JSZip, sheet: string, links: readonly InternalLink[]): Promise<void> {
  const part = await sheetPart(zip, sheet);
  const xml = part ? await text(zip, part) : null;
  if (!part || xml === null) return;
  const element = `<hyperlinks>${links.map((l) => `<hyperlink ref="${l.ref}" location="${escapeXml(l.location)}" display="${escapeXml(l.display)}"/>`).join("")}</hyperlinks>`;
  const body = xml.replace(/<hyperlinks>[\s\S]*?<\/hyperlinks>|<hyperlinks\/>/, "");
  let at = -1;
  for (const tag of AFTER_HYPERLINKS) {
    const m = new RegExp(`<${tag}[\\s/>]`).exec(body);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = body.lastIndexOf("</worksheet>");
  if (at < 0) return;
  zip.file(part, body.slice(0, at) + element + body.slice(at));
}
