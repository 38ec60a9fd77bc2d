/**
 * One sheet drawn as a spreadsheet grid: column letters and row numbers, the file's column widths
 * and row heights, merged cells drawn merged, the marks coloured by severity, the selected cell
 * outlined and scrolled into view. Only the rows and columns in view are in the DOM, so big sheets
 * stay fast. Click a cell (or move with the arrow keys) to select it: the task pane's 上一个/下一个
 * and 插入到选中行下方 start from there. Cell text is rendered as text.
 */
import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Severity } from "../core/finding";
import { cellAddress, columnLetter, MergeIndex, parseCell, type CellRange, type SheetGrid } from "../core/grid";
import type ExcelJS from "exceljs";
import { indexAt, lookOf, type SheetLayout } from "./layout";

const ROW_HEADER = 44;
const COL_HEADER = 22;
const OVERSCAN_PX = 300;

/** Mark colours: Excel's (the same fills the marks have in the file). */
export const MARK_COLOURS: Readonly<Record<Severity, string>> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#E4DFEC",
};

const useStyles = makeStyles({
  scroller: {
    position: "relative",
    overflow: "auto",
    flexGrow: 1,
    minHeight: 0,
    backgroundColor: "#ffffff",
    outlineStyle: "none",
    ":focus-visible": {
      boxShadow: `inset 0 0 0 2px ${tokens.colorStrokeFocus2}`,
    },
  },
  colHeader: {
    position: "sticky",
    top: 0,
    zIndex: 3,
    height: `${COL_HEADER}px`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  corner: {
    position: "sticky",
    left: 0,
    zIndex: 4,
    width: `${ROW_HEADER}px`,
    height: `${COL_HEADER}px`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  rowHeader: {
    position: "sticky",
    left: 0,
    zIndex: 2,
    width: `${ROW_HEADER}px`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
  },
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
  cells: {
    position: "absolute",
    left: `${ROW_HEADER}px`,
    top: `${COL_HEADER}px`,
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
  selected: {
    position: "absolute",
    boxSizing: "border-box",
    border: `2px solid ${tokens.colorBrandStroke1}`,
    pointerEvents: "none",
    zIndex: 1,
  },
});

export interface SheetViewProps {
  readonly grid: SheetGrid;
  readonly layout: SheetLayout;
  readonly worksheet: ExcelJS.Worksheet | undefined;
  readonly marks: ReadonlyMap<string, Severity> | undefined;
  /** The selected cell (A1) of this sheet. */
  readonly selected: string;
  readonly onSelect: (address: string) => void;
  /** Changes whenever the cells change (re-reads styles). */
  readonly version: number;
  readonly sheetIndex: number;
}

export function SheetView(props: SheetViewProps): React.JSX.Element {
  const s = useStyles();
  const { grid, layout, marks } = props;
  const scroller = React.useRef<HTMLDivElement>(null);
  const [view, setView] = React.useState({
    top: 0,
    left: 0,
    width: 800,
    height: 600,
  });
  const frame = React.useRef<number | null>(null);
  const merges = React.useMemo(() => new MergeIndex(grid.merges), [grid]);
  const width = layout.lefts[layout.columns];
  const height = layout.tops[layout.rows];

  const measure = React.useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    setView({
      top: el.scrollTop,
      left: el.scrollLeft,
      width: el.clientWidth || 800,
      height: el.clientHeight || 600,
    });
  }, []);

  React.useLayoutEffect(() => {
    measure();
    const el = scroller.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [measure]);

  const onScroll = () => {
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      measure();
    });
  };

  let sel = { row: 1, column: 1 };
  try {
    sel = parseCell(props.selected);
  } catch {
    /* A1 */
  }
  const selMerge = merges.at(sel.row, sel.column);
  const selRange: CellRange = selMerge ?? {
    top: sel.row,
    left: sel.column,
    bottom: sel.row,
    right: sel.column,
  };

  // keep the selected cell in view when it changes (a finding clicked in the task pane), and when
  // the grid becomes visible (on a narrow page it is hidden while the assistant is shown)
  const reveal = React.useCallback(() => {
    const el = scroller.current;
    if (!el || el.clientHeight === 0 || el.clientWidth === 0) return;
    const top = layout.tops[Math.min(selRange.top, layout.rows) - 1] ?? 0;
    const bottom = layout.tops[Math.min(selRange.bottom, layout.rows)] ?? top;
    const left = layout.lefts[Math.min(selRange.left, layout.columns) - 1] ?? 0;
    const right = layout.lefts[Math.min(selRange.right, layout.columns)] ?? left;
    const viewH = el.clientHeight - COL_HEADER;
    const viewW = el.clientWidth - ROW_HEADER;
    // a cell taller or wider than the view shows its top-left corner
    if (top < el.scrollTop || bottom - top > viewH) el.scrollTop = top;
    else if (bottom > el.scrollTop + viewH) el.scrollTop = bottom - viewH + 4;
    if (left < el.scrollLeft || right - left > viewW) el.scrollLeft = left;
    else if (right > el.scrollLeft + viewW) el.scrollLeft = right - viewW + 4;
    measure();
  }, [selRange.top, selRange.left, selRange.bottom, selRange.right, layout, measure]);
  const revealRef = React.useRef(reveal);
  revealRef.current = reveal;

  React.useEffect(() => {
    reveal();
  }, [props.selected, props.sheetIndex]);

  React.useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    let hidden = el.clientWidth === 0;
    const ro = new ResizeObserver(() => {
      const now = el.clientWidth === 0;
      if (hidden && !now) revealRef.current();
      hidden = now;
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const firstRow = indexAt(layout.tops, Math.max(0, view.top - OVERSCAN_PX)) + 1;
  const lastRow = Math.min(layout.rows, indexAt(layout.tops, view.top + view.height + OVERSCAN_PX) + 1);
  const firstCol = indexAt(layout.lefts, Math.max(0, view.left - OVERSCAN_PX)) + 1;
  const lastCol = Math.min(layout.columns, indexAt(layout.lefts, view.left + view.width + OVERSCAN_PX) + 1);

  const move = (dr: number, dc: number) => {
    let row = dr > 0 ? selRange.bottom + dr : dr < 0 ? selRange.top + dr : sel.row;
    let column = dc > 0 ? selRange.right + dc : dc < 0 ? selRange.left + dc : sel.column;
    row = Math.max(1, Math.min(layout.rows, row));
    column = Math.max(1, Math.min(layout.columns, column));
    const m = merges.at(row, column);
    props.onSelect(m ? cellAddress(m.top, m.left) : cellAddress(row, column));
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const keys: Record<string, [number, number]> = {
      ArrowDown: [1, 0],
      ArrowUp: [-1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      PageDown: [20, 0],
      PageUp: [-20, 0],
    };
    if (e.key === "Home") {
      e.preventDefault();
      props.onSelect(e.ctrlKey ? "A1" : cellAddress(sel.row, 1));
      return;
    }
    const k = keys[e.key];
    if (!k) return;
    e.preventDefault();
    move(k[0], k[1]);
  };

  const cellId = (address: string) => `cell-${props.sheetIndex}-${address}`;
  const rowsOut: React.ReactNode[] = [];
  const drawn = new Set<string>();
  const ws = props.worksheet;
  for (let r = firstRow; r <= lastRow; r++) {
    const cells: React.ReactNode[] = [];
    for (let c = firstCol; c <= lastCol; c++) {
      const m = merges.at(r, c);
      let top = r;
      let left = c;
      let bottom = r;
      let right = c;
      if (m) {
        const key = `${m.top}:${m.left}`;
        if (drawn.has(key)) continue;
        drawn.add(key);
        ({ top, left, bottom, right } = m);
      }
      const address = cellAddress(top, left);
      const text = grid.cell(top, left)?.text ?? "";
      const mark = marks?.get(address);
      const look = text || m || ws ? lookOf(ws, top, left) : null;
      const x = layout.lefts[left - 1];
      const y = layout.tops[top - 1];
      const w = layout.lefts[Math.min(right, layout.columns)] - x;
      const h = layout.tops[Math.min(bottom, layout.rows)] - y;
      if (w <= 0 || h <= 0) continue;
      const numeric = grid.cell(top, left)?.type === "number";
      cells.push(
        <div
          key={address}
          id={cellId(address)}
          role="gridcell"
          aria-colindex={left}
          aria-selected={address === cellAddress(selRange.top, selRange.left) ? true : undefined}
          data-cell={address}
          data-mark={mark}
          title={text.length > 20 ? text : undefined}
          className={mergeClasses(s.cell, (look?.wrap || m) && s.wrap, m && s.merged)}
          style={{
            left: x,
            top: y,
            width: w,
            height: h,
            backgroundColor: mark ? MARK_COLOURS[mark] : (look?.fill ?? undefined),
            justifyContent:
              look?.align === "center"
                ? "center"
                : look?.align === "right" || (!look?.align && numeric)
                  ? "flex-end"
                  : "flex-start",
            textAlign: look?.align === "center" ? "center" : look?.align === "right" ? "right" : "left",
            alignItems: look?.vertical === "top" ? "flex-start" : look?.vertical === "middle" ? "center" : "flex-end",
            fontWeight: look?.bold ? 700 : undefined,
          }}
          onMouseDown={(e) => {
            e.preventDefault();
            scroller.current?.focus({ preventScroll: true });
            props.onSelect(address);
          }}
        >
          {text}
        </div>
      );
    }
    rowsOut.push(
      <div key={r} role="row" aria-rowindex={r} style={{ display: "contents" }}>
        {cells}
      </div>
    );
  }

  const colLabels: React.ReactNode[] = [];
  for (let c = firstCol; c <= lastCol; c++) {
    const w = layout.lefts[c] - layout.lefts[c - 1];
    if (w <= 0) continue;
    const active = c >= selRange.left && c <= selRange.right;
    colLabels.push(
      <div
        key={c}
        aria-hidden
        className={mergeClasses(s.headerCell, s.colLabel, active && s.headerActive)}
        style={{ left: ROW_HEADER + layout.lefts[c - 1], width: w }}
      >
        {columnLetter(c)}
      </div>
    );
  }
  const rowLabels: React.ReactNode[] = [];
  for (let r = firstRow; r <= lastRow; r++) {
    const h = layout.tops[r] - layout.tops[r - 1];
    if (h <= 0) continue;
    const active = r >= selRange.top && r <= selRange.bottom;
    rowLabels.push(
      <div
        key={r}
        aria-hidden
        className={mergeClasses(s.headerCell, s.rowLabel, active && s.headerActive)}
        style={{ top: layout.tops[r - 1], height: h }}
      >
        {r}
      </div>
    );
  }

  const sx = layout.lefts[Math.min(selRange.left, layout.columns) - 1] ?? 0;
  const sy = layout.tops[Math.min(selRange.top, layout.rows) - 1] ?? 0;
  const sw = (layout.lefts[Math.min(selRange.right, layout.columns)] ?? sx) - sx;
  const sh = (layout.tops[Math.min(selRange.bottom, layout.rows)] ?? sy) - sy;

  return (
    <div
      ref={scroller}
      className={s.scroller}
      tabIndex={0}
      role="grid"
      aria-label={`工作表“${grid.name}”（方向键移动选中的单元格）`}
      aria-rowcount={layout.rows}
      aria-colcount={layout.columns}
      aria-activedescendant={cellId(cellAddress(selRange.top, selRange.left))}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
      data-testid="sheet-grid"
      data-sheet={grid.name}
      data-selected={cellAddress(selRange.top, selRange.left)}
    >
      <div
        style={{
          position: "relative",
          width: ROW_HEADER + width,
          height: COL_HEADER + height,
        }}
      >
        <div className={s.colHeader} style={{ width: ROW_HEADER + width }}>
          <div className={s.corner} />
          {colLabels}
        </div>
        <div className={s.rowHeader} style={{ height }}>
          {rowLabels}
        </div>
        <div className={s.cells} style={{ width, height }}>
          {rowsOut}
          <div
            className={s.selected}
            style={{ left: sx - 1, top: sy - 1, width: sw + 1, height: sh + 1 }}
            data-testid="grid-selection"
          />
        </div>
      </div>
    </div>
  );
}
