/** The sheets of the open workbook on the web page: tabs (with their marks), the selected cell's address and text, the grid. */
import * as React from "react";
import { Body1, makeStyles, Tab, TabList, tokens } from "@fluentui/react-components";
import { parseCell, type SheetGrid } from "../core/grid";
import { layoutOf } from "./layout";
import { SheetView } from "./SheetView";
import type { WebWorkbook } from "./web-port";

const useStyles = makeStyles({
  sheetTabs: {
    flexShrink: 0,
    overflowX: "auto",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  nameBox: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
    padding: `2px ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase200,
    minHeight: "24px",
    flexShrink: 0,
  },
  address: {
    fontWeight: tokens.fontWeightSemibold,
    minWidth: "4em",
    fontFamily: tokens.fontFamilyMonospace,
  },
  cellText: {
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    color: tokens.colorNeutralForeground2,
  },
});

/** The text the selected cell shows (a merged cell's top-left text), "" when there is none. */
function textAt(grid: SheetGrid, address: string): string {
  try {
    const p = parseCell(address);
    const m = grid.merges.find((x) => p.row >= x.top && p.row <= x.bottom && p.column >= x.left && p.column <= x.right);
    return grid.cell(m ? m.top : p.row, m ? m.left : p.column)?.text ?? "";
  } catch {
    return "";
  }
}

export function WorkbookView({ port }: { port: WebWorkbook }): React.JSX.Element {
  const s = useStyles();
  const snap = React.useSyncExternalStore(port.subscribe, port.getSnapshot);
  const grids = port.sheetGrids();
  const index = Math.max(
    0,
    grids.findIndex((g) => g.name === snap.active)
  );
  const grid = grids[index];
  const ws = grid ? port.worksheet(grid.name) : undefined;
  const layout = React.useMemo(() => (grid ? layoutOf(ws, grid) : null), [grid, ws]);
  if (!grid || !layout) return <Body1>工作簿中没有工作表。</Body1>;
  const selected = snap.selections.get(grid.name) ?? "A1";
  const selectedText = textAt(grid, selected);
  const marks = snap.marks;
  return (
    <>
      <TabList
        className={s.sheetTabs}
        selectedValue={grid.name}
        onTabSelect={(_e, d) => port.activate(String(d.value))}
        aria-label="工作表"
        size="small"
      >
        {grids.map((g) => {
          const n = marks.get(g.name)?.size ?? 0;
          return (
            <Tab key={g.name} value={g.name} aria-label={`工作表“${g.name}”${n ? `，${n} 个标记` : ""}`}>
              {g.name}
              {n ? `（${n}）` : ""}
            </Tab>
          );
        })}
      </TabList>
      <div className={s.nameBox} aria-live="polite" data-testid="name-box">
        <span className={s.address}>{selected}</span>
        <span className={s.cellText} title={selectedText}>
          {selectedText}
        </span>
      </div>
      <SheetView
        key={grid.name}
        grid={grid}
        layout={layout}
        worksheet={ws}
        marks={marks.get(grid.name)}
        selected={selected}
        onSelect={(a) => port.setSelection(grid.name, a)}
        sheetIndex={index}
      />
    </>
  );
}
