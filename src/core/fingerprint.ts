/** Fingerprints of findings: stable across re-checks, inserted and moved rows. */
import { matchKey } from "./text";

/** FNV-1a, 32 bit, as 8 hex digits. */
function hash32(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

/** sheet + rule + indicator name + the offending text; never the row number. */
export function fingerprintOf(sheet: string, rule: string, indicator: string | null, subject: string): string {
  // the subject can be a long explanation: spacing changes do not make it another finding
  return `${rule}:${hash32([sheet, rule, matchKey(indicator ?? ""), subject.replace(/\s+/g, "")].join("\u0001"))}`;
}
