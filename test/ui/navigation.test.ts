/**
 * 上一个 / 下一个 (src/taskpane/navigation.ts): from the finding the user is on, from where a fixed
 * finding was, or from a selected cell that holds none (by sheet order, row and column); wrapping
 * around at the ends.
 */
import type { Finding } from "../../src/core/finding";
import { parseCell } from "../../src/core/grid";
import { navigationTarget } from "../../src/taskpane/navigation";

function f(sheet: string, cell: string): Finding {
  return {
    rule: "r",
    severity: "warning",
    sheet,
    cell,
    row: parseCell(cell).row,
    message: "",
    tableId: `${sheet}!A1`,
    tableTitle: null,
    indicator: null,
    subject: "",
    relatedCells: [],
    fix: null,
    fingerprint: `${sheet}!${cell}`,
  };
}

// the list as displayed: grouped, so not in sheet order
const order = [f("表2", "C5"), f("表1", "D9"), f("表1", "B3"), f("表2", "A1")];
const sheets = ["表1", "表2"];
const nowhere = { selection: null, current: null, lastIndex: -1, lastCell: null };

describe("navigationTarget", () => {
  test("with no selection and no current finding: the first (下一个) or the last (上一个)", () => {
    expect(navigationTarget(1, order, nowhere, sheets)).toBe(0);
    expect(navigationTarget(-1, order, nowhere, sheets)).toBe(3);
  });

  test("from the current finding while the selection is still on it, wrapping at the ends", () => {
    const on = (i: number) => ({
      ...nowhere,
      current: order[i].fingerprint,
      selection: order[i] && { sheet: order[i].sheet, address: order[i].cell },
    });
    expect(navigationTarget(1, order, on(1), sheets)).toBe(2);
    expect(navigationTarget(-1, order, on(1), sheets)).toBe(0);
    expect(navigationTarget(1, order, on(3), sheets)).toBe(0);
    expect(navigationTarget(-1, order, on(0), sheets)).toBe(3);
  });

  test("after the current finding was fixed: 下一个 is the one that took its place", () => {
    const fixed = {
      selection: { sheet: "表1", address: "D9" },
      current: "gone",
      lastIndex: 1,
      lastCell: { sheet: "表1", address: "D9" },
    };
    expect(navigationTarget(1, order, fixed, sheets)).toBe(1);
    expect(navigationTarget(-1, order, fixed, sheets)).toBe(0);
  });

  test("from a selected cell that holds no finding: the next or previous finding in sheet, row, column order", () => {
    const sorted = [f("表1", "B3"), f("表1", "D9"), f("表2", "A1"), f("表2", "C5")];
    const at = (sheet: string, address: string) => ({ ...nowhere, selection: { sheet, address } });
    expect(navigationTarget(1, sorted, at("表1", "C4"), sheets)).toBe(1);
    expect(navigationTarget(-1, sorted, at("表1", "C4"), sheets)).toBe(0);
    expect(navigationTarget(1, sorted, at("表2", "B2"), sheets)).toBe(3);
    expect(navigationTarget(-1, sorted, at("表2", "B2"), sheets)).toBe(2);
    expect(navigationTarget(1, sorted, at("表2", "Z99"), sheets)).toBe(0); // nothing after: the first
    expect(navigationTarget(-1, sorted, at("表1", "A1"), sheets)).toBe(3); // nothing before: the last
    // on a finding's cell: the one after it in the list as displayed
    expect(navigationTarget(1, order, at("表1", "D9"), sheets)).toBe(2);
  });
});
