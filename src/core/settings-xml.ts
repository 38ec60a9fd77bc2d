/**
 * The add-in's settings as a custom XML part, shared by both adapters (pure: no exceljs, Office or
 * Node imports), so the settings travel with the file between the add-in and the command line:
 *
 *   <settings xmlns="urn:perf-target-assistant:settings" version="1">{AddinSettings JSON}</settings>
 *
 * Office.js stores it with workbook.customXmlParts; the xlsx adapter writes it into the package as
 * customXml/itemN.xml (+ itemPropsN.xml, its relationship, the workbook relationship and the
 * content-type override). Reading goes through normaliseSettings (the part is untrusted input).
 */
import { DEFAULT_SETTINGS, normaliseSettings, type AddinSettings } from "./settings";

export const SETTINGS_NAMESPACE = "urn:perf-target-assistant:settings";

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");
}

export function settingsToXml(settings: AddinSettings): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<settings xmlns="${SETTINGS_NAMESPACE}" version="1">${escapeXml(JSON.stringify(settings))}</settings>`;
}

/** True when the XML's root element is in our namespace. */
export function isSettingsXml(xml: string): boolean {
  return xml.includes(SETTINGS_NAMESPACE) && /<(?:\w+:)?settings\b/.test(xml);
}

/** Parses our part; defaults (and a Chinese problem) when it is not ours or not valid. */
export function settingsFromXml(xml: string | null | undefined): { settings: AddinSettings; problems: string[] } {
  if (!xml) return { settings: DEFAULT_SETTINGS, problems: [] };
  const m = /<(?:\w+:)?settings\b[^>]*>([\s\S]*?)<\/(?:\w+:)?settings>/.exec(xml);
  if (!m || !isSettingsXml(xml))
    return { settings: DEFAULT_SETTINGS, problems: ["工作簿中的设置格式无法识别，已使用默认设置。"] };
  let body = m[1].trim();
  const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(body);
  body = cdata ? cdata[1] : unescapeXml(body);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { settings: DEFAULT_SETTINGS, problems: ["工作簿中的设置不是有效的 JSON，已使用默认设置。"] };
  }
  return normaliseSettings(json);
}
