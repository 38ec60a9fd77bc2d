/**
 * 上一个 / 下一个: which finding of the list (as displayed) comes next from where the user is — the
 * finding the user is on when the selection is still at its cell; after a fix removed it, the
 * finding that took its place; when the user moved elsewhere, the next finding after the selected
 * cell (in sheet, row, column order). Wraps around at the ends.
 */
import type { Finding } from "../core/finding";
import { parseCell } from "../core/grid";
import type { CellRef } from "../core/port";

/** Where the user is. */
interface NavigationFrom {
  /** The selected cell (null where the host cannot tell). */
  readonly selection: CellRef | null;
  /** Fingerprint of the finding the user is on. */
  readonly current: string | null;
  /** Index in the list of the finding the user last went to (-1: none), and its cell. */
  readonly lastIndex: number;
  readonly lastCell: CellRef | null;
}

/** A sortable key of a cell's place in the workbook: sheet order, row, column. */
function positionKey(sheet: string, address: string, sheetOrder: readonly string[]): number {
  const s = Math.max(0, sheetOrder.indexOf(sheet));
  let p = { row: 0, column: 0 };
  try {
    p = parseCell(address);
  } catch {
    /* keep 0 */
  }
  return s * 1e12 + p.row * 1e5 + p.column;
}

function at(ref: CellRef | null, sheet: string, cell: string): boolean {
  return !!ref && ref.sheet === sheet && ref.address === cell;
}

/** The finding after (or before) a selected cell that holds none. */
function nearest(direction: 1 | -1, order: readonly Finding[], selection: CellRef, sheetOrder: readonly string[]) {
  const pos = positionKey(selection.sheet, selection.address, sheetOrder);
  const key = (f: Finding) => positionKey(f.sheet, f.cell, sheetOrder);
  if (direction === 1) {
    const after = order.findIndex((f) => key(f) > pos);
    return after >= 0 ? after : 0;
  }
  for (let i = order.length - 1; i >= 0; i--) if (key(order[i]) < pos) return i;
  return order.length - 1;
}

/** The index in `order` (non-empty) of the finding 上一个 (-1) or 下一个 (1) goes to. */
export function navigationTarget(
  direction: 1 | -1,
  order: readonly Finding[],
  from: NavigationFrom,
  sheetOrder: readonly string[]
): number {
  const { selection } = from;
  const currentIndex = from.current ? order.findIndex((f) => f.fingerprint === from.current) : -1;
  let target: number;
  if (currentIndex >= 0 && (!selection || at(selection, order[currentIndex].sheet, order[currentIndex].cell))) {
    target = currentIndex + direction;
  } else if (
    currentIndex < 0 &&
    from.lastIndex >= 0 &&
    (!selection || (from.lastCell && at(selection, from.lastCell.sheet, from.lastCell.address)))
  ) {
    // the finding we were on is gone (fixed, ignored): the one that took its place is "next"
    target = direction === 1 ? from.lastIndex : from.lastIndex - 1;
  } else if (selection) {
    const here = order.findIndex((f) => at(selection, f.sheet, f.cell));
    target = here >= 0 ? here + direction : nearest(direction, order, selection, sheetOrder);
  } else {
    target = direction === 1 ? 0 : order.length - 1;
  }
  return ((target % order.length) + order.length) % order.length;
}
