/**
 * One sheet drawn as a spreadsheet grid: column letters and row numbers, the file's column widths
 * and row heights, merged cells drawn merged, the marks coloured by severity, the selected cell
 * outlined and scrolled into view. Only the rows and columns in view are in the DOM, so big sheets
 * stay fast (the cells and headers are drawn by SheetCells.tsx). Click a cell (or move with the
 * arrow keys) to select it: the task pane's 上一个/下一个 and 插入到选中行下方 start from there.
 * Cell text is rendered as text.
 */
import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type ExcelJS from "exceljs";
import type { Severity } from "../core/finding";
import { cellAddress, MergeIndex, parseCell, type CellRange, type SheetGrid } from "../core/grid";
import { indexAt, type SheetLayout } from "./layout";
import { COL_HEADER, HeaderLabels, ROW_HEADER, SheetCells, type CellWindow } from "./SheetCells";

const OVERSCAN_PX = 300;

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
  /** The headers stay in view while the cells scroll: letters at the top, numbers at the left. */
  sticky: { position: "sticky", backgroundColor: tokens.colorNeutralBackground3 },
  colHeader: { top: 0, zIndex: 3, height: `${COL_HEADER}px`, borderBottom: `1px solid ${tokens.colorNeutralStroke1}` },
  left: { left: 0, width: `${ROW_HEADER}px`, borderRight: `1px solid ${tokens.colorNeutralStroke1}` },
  corner: { zIndex: 4, height: `${COL_HEADER}px` },
  rowHeader: { zIndex: 2 },
  cells: {
    position: "absolute",
    left: `${ROW_HEADER}px`,
    top: `${COL_HEADER}px`,
  },
  selected: {
    position: "absolute",
    boxSizing: "border-box",
    border: `2px solid ${tokens.colorBrandStroke1}`,
    pointerEvents: "none",
    zIndex: 1,
  },
});

interface SheetViewProps {
  readonly grid: SheetGrid;
  readonly layout: SheetLayout;
  readonly worksheet: ExcelJS.Worksheet | undefined;
  readonly marks: ReadonlyMap<string, Severity> | undefined;
  /** The selected cell (A1) of this sheet. */
  readonly selected: string;
  readonly onSelect: (address: string) => void;
  readonly sheetIndex: number;
}

/** The scroller's scroll position and size, measured on scroll (once a frame) and on resize. */
function useViewport(scroller: React.RefObject<HTMLDivElement | null>) {
  const [view, setView] = React.useState({ top: 0, left: 0, width: 800, height: 600 });
  const frame = React.useRef<number | null>(null);
  const measure = React.useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    setView({ top: el.scrollTop, left: el.scrollLeft, width: el.clientWidth || 800, height: el.clientHeight || 600 });
  }, [scroller]);
  React.useLayoutEffect(() => {
    measure();
    const el = scroller.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [measure, scroller]);
  const onScroll = () => {
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      measure();
    });
  };
  return { view, measure, onScroll };
}

/** The rows and columns in view, with a margin. */
function windowOf(layout: SheetLayout, view: { top: number; left: number; width: number; height: number }): CellWindow {
  return {
    firstRow: indexAt(layout.tops, Math.max(0, view.top - OVERSCAN_PX)) + 1,
    lastRow: Math.min(layout.rows, indexAt(layout.tops, view.top + view.height + OVERSCAN_PX) + 1),
    firstCol: indexAt(layout.lefts, Math.max(0, view.left - OVERSCAN_PX)) + 1,
    lastCol: Math.min(layout.columns, indexAt(layout.lefts, view.left + view.width + OVERSCAN_PX) + 1),
  };
}

/** The pixel box of a range (clamped to the layout). */
function boxOf(layout: SheetLayout, r: CellRange): { x: number; y: number; w: number; h: number } {
  const x = layout.lefts[Math.min(r.left, layout.columns) - 1] ?? 0;
  const y = layout.tops[Math.min(r.top, layout.rows) - 1] ?? 0;
  const w = (layout.lefts[Math.min(r.right, layout.columns)] ?? x) - x;
  const h = (layout.tops[Math.min(r.bottom, layout.rows)] ?? y) - y;
  return { x, y, w, h };
}

/** Scrolls the scroller so the box is in view (a box taller or wider than the view shows its top-left corner). */
function scrollIntoView(el: HTMLElement, box: { x: number; y: number; w: number; h: number }): void {
  const viewH = el.clientHeight - COL_HEADER;
  const viewW = el.clientWidth - ROW_HEADER;
  if (box.y < el.scrollTop || box.h > viewH) el.scrollTop = box.y;
  else if (box.y + box.h > el.scrollTop + viewH) el.scrollTop = box.y + box.h - viewH + 4;
  if (box.x < el.scrollLeft || box.w > viewW) el.scrollLeft = box.x;
  else if (box.x + box.w > el.scrollLeft + viewW) el.scrollLeft = box.x + box.w - viewW + 4;
}

const MOVES: Readonly<Record<string, readonly [number, number]>> = {
  ArrowDown: [1, 0],
  ArrowUp: [-1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
  PageDown: [20, 0],
  PageUp: [-20, 0],
};

/**
 * Keeps the selected cell in view when it changes (a finding clicked in the task pane: `selection`
 * changes), and when the grid becomes visible (on a narrow page it is hidden while the assistant is shown).
 */
function useReveal(
  scroller: React.RefObject<HTMLDivElement | null>,
  box: { x: number; y: number; w: number; h: number },
  measure: () => void,
  selection: string
): void {
  const reveal = React.useRef(() => {});
  React.useLayoutEffect(() => {
    reveal.current = () => {
      const el = scroller.current;
      if (!el || el.clientHeight === 0 || el.clientWidth === 0) return;
      scrollIntoView(el, box);
      measure();
    };
  });
  // reveal.current is the latest (set above, before effects run)
  React.useEffect(() => reveal.current(), [selection]);
  React.useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    let hidden = el.clientWidth === 0;
    const ro = new ResizeObserver(() => {
      const now = el.clientWidth === 0;
      if (hidden && !now) reveal.current();
      hidden = now;
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [scroller]);
}

/** The cell a key moves the selection to (arrows, PageUp/PageDown, Home, Ctrl+Home), or null for other keys. */
function keyMove(
  e: React.KeyboardEvent,
  sel: { row: number; column: number },
  selRange: CellRange,
  layout: SheetLayout,
  merges: MergeIndex
): string | null {
  if (e.key === "Home") return e.ctrlKey ? "A1" : cellAddress(sel.row, 1);
  const k = MOVES[e.key];
  if (!k) return null;
  const [dr, dc] = k;
  const row = Math.max(1, Math.min(layout.rows, dr > 0 ? selRange.bottom + dr : dr < 0 ? selRange.top + dr : sel.row));
  const column = Math.max(
    1,
    Math.min(layout.columns, dc > 0 ? selRange.right + dc : dc < 0 ? selRange.left + dc : sel.column)
  );
  const m = merges.at(row, column);
  return m ? cellAddress(m.top, m.left) : cellAddress(row, column);
}

/** The sticky column letters (with the corner) and row numbers. */
function GridHeaders(props: { layout: SheetLayout; window: CellWindow; selected: CellRange }): React.JSX.Element {
  const s = useStyles();
  const { layout, window: w, selected } = props;
  return (
    <>
      <div className={mergeClasses(s.sticky, s.colHeader)} style={{ width: ROW_HEADER + layout.lefts[layout.columns] }}>
        <div className={mergeClasses(s.sticky, s.left, s.corner)} />
        <HeaderLabels
          axis="column"
          first={w.firstCol}
          last={w.lastCol}
          starts={layout.lefts}
          active={[selected.left, selected.right]}
        />
      </div>
      <div className={mergeClasses(s.sticky, s.left, s.rowHeader)} style={{ height: layout.tops[layout.rows] }}>
        <HeaderLabels
          axis="row"
          first={w.firstRow}
          last={w.lastRow}
          starts={layout.tops}
          active={[selected.top, selected.bottom]}
        />
      </div>
    </>
  );
}

export function SheetView(props: SheetViewProps): React.JSX.Element {
  const s = useStyles();
  const { grid, layout, onSelect } = props;
  const scroller = React.useRef<HTMLDivElement>(null);
  const { view, measure, onScroll } = useViewport(scroller);
  const merges = React.useMemo(() => new MergeIndex(grid.merges), [grid]);

  let sel = { row: 1, column: 1 };
  try {
    sel = parseCell(props.selected);
  } catch {
    /* A1 */
  }
  const selRange: CellRange = merges.at(sel.row, sel.column) ?? {
    top: sel.row,
    left: sel.column,
    bottom: sel.row,
    right: sel.column,
  };
  const selBox = boxOf(layout, selRange);

  useReveal(scroller, selBox, measure, `${props.sheetIndex}!${props.selected}`);
  const onKeyDown = (e: React.KeyboardEvent) => {
    const next = keyMove(e, sel, selRange, layout, merges);
    if (next === null) return;
    e.preventDefault();
    onSelect(next);
  };

  const cellId = (address: string) => `cell-${props.sheetIndex}-${address}`;
  const w = windowOf(layout, view);
  const width = layout.lefts[layout.columns];
  const height = layout.tops[layout.rows];
  const selectedAddress = cellAddress(selRange.top, selRange.left);

  return (
    <div
      ref={scroller}
      className={s.scroller}
      tabIndex={0}
      role="grid"
      aria-label={`工作表“${grid.name}”（方向键移动选中的单元格）`}
      aria-rowcount={layout.rows}
      aria-colcount={layout.columns}
      aria-activedescendant={cellId(selectedAddress)}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
      data-testid="sheet-grid"
      data-sheet={grid.name}
      data-selected={selectedAddress}
    >
      <div style={{ position: "relative", width: ROW_HEADER + width, height: COL_HEADER + height }}>
        <GridHeaders layout={layout} window={w} selected={selRange} />
        <div className={s.cells} style={{ width, height }}>
          <SheetCells
            grid={grid}
            layout={layout}
            merges={merges}
            worksheet={props.worksheet}
            marks={props.marks}
            window={w}
            selected={selRange}
            cellId={cellId}
            onPick={(address) => {
              scroller.current?.focus({ preventScroll: true });
              onSelect(address);
            }}
          />
          <div
            className={s.selected}
            style={{ left: selBox.x - 1, top: selBox.y - 1, width: selBox.w + 1, height: selBox.h + 1 }}
            data-testid="grid-selection"
          />
        </div>
      </div>
    </div>
  );
}
