/**
 * What a sheet grid draws in view: the cells (merged cells drawn merged, the file's alignment, bold
 * and fill, the marks coloured by severity, text as text) and the column letters and row numbers
 * (one header implementation for both axes).
 */
import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type ExcelJS from "exceljs";
import type { Severity } from "../core/finding";
import { cellAddress, columnLetter, type CellRange, type MergeIndex, type SheetGrid } from "../core/grid";
import { MARK_FILL } from "../core/marks";
import { lookOf, type CellLook, type SheetLayout } from "./layout";

/** Width of the row numbers, height of the column letters (px). */
export const ROW_HEADER = 44;
export const COL_HEADER = 22;

const useStyles = makeStyles({
  headerCell: {
    position: "absolute",
    boxSizing: "border-box",
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    fontSize: "11px",
    color: tokens.colorNeutralForeground2,
    overflow: "hidden",
  },
  colLabel: {
    top: 0,
    height: `${COL_HEADER}px`,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  rowLabel: {
    left: 0,
    width: `${ROW_HEADER}px`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  headerActive: {
    backgroundColor: tokens.colorNeutralBackground3Selected,
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  cell: {
    position: "absolute",
    boxSizing: "border-box",
    display: "flex",
    padding: "1px 3px",
    borderRight: "1px solid #e1e1e1",
    borderBottom: "1px solid #e1e1e1",
    backgroundColor: "#ffffff",
    color: "#1f1f1f",
    fontSize: "12px",
    lineHeight: "15px",
    overflow: "hidden",
    whiteSpace: "nowrap",
    cursor: "cell",
    fontFamily: "Calibri, 'DengXian', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif",
  },
  wrap: { whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  merged: { zIndex: 1 },
});

/** The rows and columns drawn (1-based, inclusive). */
export interface CellWindow {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstCol: number;
  readonly lastCol: number;
}

/** Column letters (axis "column") or row numbers ("row") from `first` to `last`; those in `active` highlighted. */
export function HeaderLabels(props: {
  axis: "row" | "column";
  first: number;
  last: number;
  /** layout.lefts or layout.tops: where each column or row starts. */
  starts: readonly number[];
  /** The selected range's first and last column or row. */
  active: readonly [number, number];
}): React.JSX.Element {
  const s = useStyles();
  const { axis, starts, active } = props;
  const labels: React.ReactNode[] = [];
  for (let i = props.first; i <= props.last; i++) {
    const size = starts[i] - starts[i - 1];
    if (size <= 0) continue;
    labels.push(
      <div
        key={i}
        aria-hidden
        className={mergeClasses(
          s.headerCell,
          axis === "column" ? s.colLabel : s.rowLabel,
          i >= active[0] && i <= active[1] && s.headerActive
        )}
        style={
          axis === "column" ? { left: ROW_HEADER + starts[i - 1], width: size } : { top: starts[i - 1], height: size }
        }
      >
        {axis === "column" ? columnLetter(i) : i}
      </div>
    );
  }
  return <>{labels}</>;
}

/** A cell's position, colours and alignment on the grid. */
function cellStyle(
  box: { left: number; top: number; width: number; height: number },
  look: CellLook | null,
  mark: Severity | undefined,
  numeric: boolean
): React.CSSProperties {
  return {
    ...box,
    backgroundColor: mark ? `#${MARK_FILL[mark]}` : (look?.fill ?? undefined),
    justifyContent:
      look?.align === "center"
        ? "center"
        : look?.align === "right" || (!look?.align && numeric)
          ? "flex-end"
          : "flex-start",
    textAlign: look?.align === "center" ? "center" : look?.align === "right" ? "right" : "left",
    alignItems: look?.vertical === "top" ? "flex-start" : look?.vertical === "middle" ? "center" : "flex-end",
    fontWeight: look?.bold ? 700 : undefined,
  };
}

interface SheetCellsProps {
  readonly grid: SheetGrid;
  readonly layout: SheetLayout;
  readonly merges: MergeIndex;
  readonly worksheet: ExcelJS.Worksheet | undefined;
  readonly marks: ReadonlyMap<string, Severity> | undefined;
  readonly window: CellWindow;
  /** The selected cell (the top-left cell of a merge). */
  readonly selected: CellRange;
  /** The id of a cell's element (for aria-activedescendant). */
  readonly cellId: (address: string) => string;
  /** The user pressed the mouse on a cell. */
  readonly onPick: (address: string) => void;
}

/** The cells in view, row by row; a merge is drawn once, from its top-left cell. */
export function SheetCells(props: SheetCellsProps): React.JSX.Element {
  const s = useStyles();
  const { grid, layout, merges, marks, window: w } = props;
  const selectedAddress = cellAddress(props.selected.top, props.selected.left);
  const drawn = new Set<string>();
  const rows: React.ReactNode[] = [];
  for (let r = w.firstRow; r <= w.lastRow; r++) {
    const cells: React.ReactNode[] = [];
    for (let c = w.firstCol; c <= w.lastCol; c++) {
      const m = merges.at(r, c);
      if (m) {
        const key = `${m.top}:${m.left}`;
        if (drawn.has(key)) continue;
        drawn.add(key);
      }
      const { top, left, bottom, right } = m ?? { top: r, left: c, bottom: r, right: c };
      const x = layout.lefts[left - 1];
      const y = layout.tops[top - 1];
      const box = {
        left: x,
        top: y,
        width: layout.lefts[Math.min(right, layout.columns)] - x,
        height: layout.tops[Math.min(bottom, layout.rows)] - y,
      };
      if (box.width <= 0 || box.height <= 0) continue;
      const address = cellAddress(top, left);
      const cell = grid.cell(top, left);
      const text = cell?.text ?? "";
      const look = text || m || props.worksheet ? lookOf(props.worksheet, top, left) : null;
      cells.push(
        <div
          key={address}
          id={props.cellId(address)}
          role="gridcell"
          aria-colindex={left}
          aria-selected={address === selectedAddress ? true : undefined}
          data-cell={address}
          data-mark={marks?.get(address)}
          title={text.length > 20 ? text : undefined}
          className={mergeClasses(s.cell, (look?.wrap || m) && s.wrap, m && s.merged)}
          style={cellStyle(box, look, marks?.get(address), cell?.type === "number")}
          onMouseDown={(e) => {
            e.preventDefault();
            props.onPick(address);
          }}
        >
          {text}
        </div>
      );
    }
    rows.push(
      <div key={r} role="row" aria-rowindex={r} style={{ display: "contents" }}>
        {cells}
      </div>
    );
  }
  return <>{rows}</>;
}
