/**
 * The add-in's marks, shared by both adapters so that they write identical marks: a file marked by
 * the command line (xlsx adapter) opens in Excel with the marks and the add-in can clear them, and
 * the reverse.
 *
 * A mark is a custom (expression) conditional format per severity per sheet over the flagged cells,
 * never a direct fill: the user's fills, fonts, borders and notes are never touched. Its formula is
 * always TRUE and names the severity, e.g. =ISTEXT("perf-target:error"); clearing removes only the
 * conditional formats whose formula is one of ours. Optional notes start with {@link NOTE_PREFIX}.
 * Pure: no Office, DOM or Node imports.
 */
import type { Finding, Severity } from "./finding";
import { SEVERITY_ORDER } from "./finding";
import { cellAddress, parseCell, parseRange, type CellRange } from "./grid";

/** The tag inside our formulas. */
const MARK_TAG = "perf-target:";

/** Fill colours (RGB hex, no #) of the marks. Info is lilac, distinct from the light blue users fill cells with (DDEBF7). */
export const MARK_FILL: Readonly<Record<Severity, string>> = Object.freeze({
  error: "FFC7CE",
  warning: "FFEB9C",
  info: "E4DFEC",
});

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/**
 * The formula of a severity's mark, without the leading "=" (as stored in the file). With the
 * mark's address list, the formula also carries a short key of it (addressKey): the Office adapter
 * then knows which marks are already there and rewrites only those whose cells changed.
 */
export function markFormula(severity: Severity, addresses?: string): string {
  return `ISTEXT("${MARK_TAG}${severity}${addresses === undefined ? "" : `:${addressKey(addresses)}`}")`;
}

/** The formula as Office.js wants it (with "="). */
export function markFormulaA1(severity: Severity, addresses?: string): string {
  return `=${markFormula(severity, addresses)}`;
}

/** A short key of an address list ("A1,B3:B5"): FNV-1a, base 36. */
export function addressKey(addresses: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < addresses.length; i++) {
    h ^= addresses.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

const MARK_RE = /^=?\s*ISTEXT\s*\(\s*"perf-target:(error|warning|info)(?::([0-9a-z]+))?"\s*\)\s*$/i;

/** One of our mark formulas read back: its severity and the key of its address list (null: written without). */
export function parseMarkFormula(
  formula: string | null | undefined
): { readonly severity: Severity; readonly key: string | null } | null {
  if (!formula) return null;
  const m = MARK_RE.exec(formula.trim());
  return m ? { severity: m[1].toLowerCase() as Severity, key: m[2] ? m[2].toLowerCase() : null } : null;
}

/** The severity of one of our mark formulas ("=ISTEXT(…)" or without "="), or null for any other formula. */
export function markSeverity(formula: string | null | undefined): Severity | null {
  return parseMarkFormula(formula)?.severity ?? null;
}

export function isMarkFormula(formula: string | null | undefined): boolean {
  return markSeverity(formula) !== null;
}

/* --------------------------------------------------------------------- notes */

/** Our notes start with this; clearing removes only notes that do. */
export const NOTE_PREFIX = "【绩效目标表助手】";

export function isOurNote(text: string | null | undefined): boolean {
  return typeof text === "string" && text.startsWith(NOTE_PREFIX);
}

/* ------------------------------------------------------------------ grouping */

/** Longest address list of one conditional format (characters), so each request stays small. */
const MARK_CHUNK_CHARS = 1000;
/** Most areas in one conditional format. */
const MARK_CHUNK_AREAS = 100;

export interface SheetMarks {
  readonly sheet: string;
  /** Address lists ("A1,B3:B5"), comma separated, chunked; one conditional format per entry. */
  readonly chunks: Readonly<Record<Severity, readonly string[]>>;
  /** Cells flagged, with their most severe severity. */
  readonly cells: ReadonlyMap<string, Severity>;
  /** Note text per cell (our prefix + the messages), for MarkOptions.notes. */
  readonly notes: ReadonlyMap<string, string>;
}

/**
 * Groups findings per sheet: each flagged cell gets the colour of its most severe finding; cells are
 * joined into vertical runs (B5:B9) and the address lists are chunked.
 */
export function planMarks(findings: readonly Finding[]): SheetMarks[] {
  const bySheet = new Map<string, Map<string, { severity: Severity; messages: string[] }>>();
  for (const f of findings) {
    let cells = bySheet.get(f.sheet);
    if (!cells) bySheet.set(f.sheet, (cells = new Map()));
    const key = normaliseCell(f.cell);
    const cur = cells.get(key);
    if (!cur) cells.set(key, { severity: f.severity, messages: [f.message] });
    else {
      if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[cur.severity]) cur.severity = f.severity;
      if (!cur.messages.includes(f.message)) cur.messages.push(f.message);
    }
  }
  const out: SheetMarks[] = [];
  for (const [sheet, cells] of bySheet) {
    const per: Record<Severity, CellRange[]> = { error: [], warning: [], info: [] };
    const flagged = new Map<string, Severity>();
    const notes = new Map<string, string>();
    for (const [addr, v] of cells) {
      flagged.set(addr, v.severity);
      const p = parseCell(addr);
      per[v.severity].push({ top: p.row, left: p.column, bottom: p.row, right: p.column });
      notes.set(addr, NOTE_PREFIX + v.messages.join("\n"));
    }
    out.push({
      sheet,
      chunks: {
        error: chunkAddresses(compactRanges(per.error)),
        warning: chunkAddresses(compactRanges(per.warning)),
        info: chunkAddresses(compactRanges(per.info)),
      },
      cells: flagged,
      notes,
    });
  }
  return out;
}

function normaliseCell(address: string): string {
  const p = parseCell(address);
  return cellAddress(p.row, p.column);
}

/** Joins single cells into vertical runs per column (sorted by column, then row). */
function compactRanges(cells: readonly CellRange[]): CellRange[] {
  const sorted = [...cells].sort((a, b) => a.left - b.left || a.top - b.top);
  const out: CellRange[] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && last.left === c.left && last.right === c.right && c.top <= last.bottom + 1) {
      if (c.bottom > last.bottom) out[out.length - 1] = { ...last, bottom: c.bottom };
    } else out.push(c);
  }
  return out;
}

/** Address lists of at most {@link MARK_CHUNK_CHARS} characters and {@link MARK_CHUNK_AREAS} areas. */
function chunkAddresses(
  ranges: readonly CellRange[],
  maxChars = MARK_CHUNK_CHARS,
  maxAreas = MARK_CHUNK_AREAS
): string[] {
  const chunks: string[] = [];
  let cur: string[] = [];
  let len = 0;
  for (const r of ranges) {
    const a = rangeA1(r);
    if (cur.length > 0 && (len + 1 + a.length > maxChars || cur.length >= maxAreas)) {
      chunks.push(cur.join(","));
      cur = [];
      len = 0;
    }
    cur.push(a);
    len += (cur.length > 1 ? 1 : 0) + a.length;
  }
  if (cur.length) chunks.push(cur.join(","));
  return chunks;
}

function rangeA1(r: CellRange): string {
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellAddress(r.bottom, r.right)}`;
}

/** Splits an address list ("A1, B2:B4" or "A1 B2:B4", with or without sheet names) into ranges. */
export function parseAddressList(list: string): CellRange[] {
  const out: CellRange[] = [];
  const re = /(?:^|[\s,!])(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)(?=$|[\s,])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(list))) out.push(parseRange(m[1]));
  return out;
}
