/**
 * Terminal column widths (wide CJK characters take two columns, colour codes none), for aligned
 * lists: string-width, the measure the terminal tools use (cli-progress measures its bar with it
 * too). Version 4: the last that loads with require() — the command line is compiled to CommonJS.
 */
import stringWidth from "string-width";

export const displayWidth: (text: string) => number = stringWidth;

function padEnd(text: string, width: number): string {
  const w = displayWidth(text);
  return w >= width ? text : text + " ".repeat(width - w);
}

/** Rows of cells → aligned lines (two spaces between columns; the last column is not padded). */
export function columns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(c))));
  return rows.map((r) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : padEnd(c, widths[i])))
      .join("  ")
      .trimEnd()
  );
}
