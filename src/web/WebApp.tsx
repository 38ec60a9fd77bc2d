/**
 * The stand-alone page: open an .xlsx (file picker, drag-and-drop, or ?sample=<name> from this
 * page's own origin), see its sheets as grids beside the task pane, save the checked and fixed
 * workbook as a new .xlsx. Everything happens in this browser tab: the file is never uploaded.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Text,
  Title3,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowDownload20Regular,
  DocumentTable20Regular,
  FolderOpen20Regular,
  TaskListSquareLtr20Regular,
} from "@fluentui/react-icons";
import { parseCell } from "../core/grid";
import { WorkbookError } from "../core/port";
import { XlsxWorkbook } from "../xlsx/workbook";
import { App } from "../taskpane/App";
import { downloadBlob, readFileBytes } from "../taskpane/files";
import { FilePicker } from "../taskpane/ui";
import { layoutOf } from "./layout";
import { SheetView } from "./SheetView";
import { WebWorkbook } from "./web-port";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const NARROW = "(max-width: 760px)";

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    height: "100%",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    flexShrink: 0,
  },
  brand: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, whiteSpace: "nowrap" },
  actions: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
    minWidth: 0,
  },
  fileName: {
    color: tokens.colorNeutralForeground2,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    maxWidth: "40vw",
  },
  privacy: { color: tokens.colorNeutralForeground3, marginLeft: "auto" },
  main: { display: "flex", flexGrow: 1, minHeight: 0 },
  sheetArea: {
    display: "flex",
    flexDirection: "column",
    flexGrow: 1,
    minWidth: 0,
    minHeight: 0,
  },
  pane: {
    width: "380px",
    flexShrink: 0,
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
    display: "flex",
    flexDirection: "column",
    minHeight: 0,
  },
  paneNarrow: { width: "100%", borderLeft: "none" },
  hidden: { display: "none" },
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
  switcher: {
    flexShrink: 0,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  start: {
    margin: "auto",
    maxWidth: "560px",
    padding: tokens.spacingHorizontalXXL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    alignItems: "center",
    textAlign: "center",
  },
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    padding: tokens.spacingHorizontalXXL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    alignItems: "center",
  },
  overlay: {
    position: "fixed",
    inset: 0,
    zIndex: 100,
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    backgroundColor: "rgba(16, 124, 65, 0.18)",
    border: `4px dashed ${tokens.colorBrandStroke1}`,
    pointerEvents: "none",
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  bar: { margin: tokens.spacingHorizontalM, flexShrink: 0 },
});

/** The sample named by ?sample=… (as printed by npm start), if any; only a plain file name. */
export function sampleFromQuery(search: string): string | undefined {
  const name = new URLSearchParams(search).get("sample");
  return name && /^[\w.-]+\.xlsx$/i.test(name) ? name : undefined;
}

/** "预算表.xlsx" → "预算表-已校验.xlsx". */
export function savedFileName(name: string): string {
  const base = name.replace(/\.(xlsx|xlsm|xls)$/i, "") || "工作簿";
  return `${base}-已校验.xlsx`;
}

function useMedia(query: string): boolean {
  const get = () =>
    typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia(query).matches;
  const [match, setMatch] = React.useState(get);
  React.useEffect(() => {
    if (typeof window.matchMedia !== "function") return;
    const m = window.matchMedia(query);
    const on = () => setMatch(m.matches);
    m.addEventListener?.("change", on);
    return () => m.removeEventListener?.("change", on);
  }, [query]);
  return match;
}

interface Opened {
  readonly port: WebWorkbook;
  readonly id: number;
}

let opened = 0;

export function WebApp(props: { sample?: string }): React.JSX.Element {
  const s = useStyles();
  const [doc, setDoc] = React.useState<Opened | null>(null);
  const [loading, setLoading] = React.useState<string | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [dragging, setDragging] = React.useState(false);
  const [saving, setSaving] = React.useState(false);
  const [pane, setPane] = React.useState<"sheet" | "assistant">("assistant");
  const narrow = useMedia(NARROW);
  const fileInput = React.useRef<HTMLInputElement>(null);

  const openBytes = React.useCallback(async (bytes: ArrayBuffer, name: string) => {
    setLoading(`正在打开“${name}”…`);
    setError(null);
    try {
      const xlsx = await XlsxWorkbook.load(bytes);
      const port = new WebWorkbook(xlsx, name);
      await port.init();
      setDoc({ port, id: ++opened });
    } catch (e) {
      setError(
        e instanceof WorkbookError
          ? `无法打开“${name}”：${e.message}`
          : `无法打开“${name}”：${e instanceof Error ? e.message : String(e)}`
      );
    } finally {
      setLoading(null);
    }
  }, []);

  const openFile = React.useCallback(
    async (file: File | undefined) => {
      if (!file) return;
      if (!/\.xlsx$/i.test(file.name) && file.type !== XLSX_MIME) {
        setError(
          `“${file.name}”不是 .xlsx 工作簿。请选择 Excel 工作簿（.xlsx）；.xls 和 WPS 的 .et 文件请先另存为 .xlsx。`
        );
        return;
      }
      await openBytes(await readFileBytes(file), file.name);
    },
    [openBytes]
  );

  // ?sample=<name>: the bundled sample, from this page's own origin
  React.useEffect(() => {
    const name = props.sample;
    if (!name) return;
    setLoading(`正在载入示例工作簿“${name}”…`);
    fetch(`samples/${encodeURIComponent(name)}`, { credentials: "same-origin" })
      .then((r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.arrayBuffer();
      })
      .then((bytes) => openBytes(bytes, name))
      .catch((e: unknown) => {
        setLoading(null);
        setError(
          `无法载入示例工作簿“${name}”（${e instanceof Error ? e.message : String(e)}）。可以点“打开文件”选择本机的工作簿。`
        );
      });
  }, [props.sample, openBytes]);

  // drag and drop anywhere on the page
  React.useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes("Files");
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      void openFile(e.dataTransfer?.files?.[0]);
    };
    window.addEventListener("dragenter", enter);
    window.addEventListener("dragover", over);
    window.addEventListener("dragleave", leave);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragenter", enter);
      window.removeEventListener("dragover", over);
      window.removeEventListener("drop", drop);
      window.removeEventListener("dragleave", leave);
    };
  }, [openFile]);

  const save = async () => {
    if (!doc) return;
    setSaving(true);
    try {
      const bytes = await doc.port.save();
      downloadBlob(bytes as Uint8Array<ArrayBuffer>, savedFileName(doc.port.fileName), XLSX_MIME);
    } catch (e) {
      setError(`保存失败：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className={s.page}>
      <header className={s.header}>
        <div className={s.brand}>
          <img src="assets/icon-32.png" alt="" width={24} height={24} />
          <Title3 as="h1" className={s.title}>
            绩效目标表助手
          </Title3>
          <Caption1>网页版</Caption1>
        </div>
        <div className={s.actions}>
          <Button
            icon={<FolderOpen20Regular />}
            onClick={() => fileInput.current?.click()}
            aria-label="打开文件：选择本机的 .xlsx 工作簿"
          >
            打开文件
          </Button>
          <Button
            appearance="primary"
            icon={<ArrowDownload20Regular />}
            disabled={!doc || saving}
            onClick={() => void save()}
            aria-label={doc ? `保存：下载“${savedFileName(doc.port.fileName)}”` : "保存（请先打开工作簿）"}
          >
            {saving ? "正在保存…" : "保存"}
          </Button>
          {doc && (
            <Text className={s.fileName} data-testid="file-name" title={doc.port.fileName}>
              {doc.port.fileName}
            </Text>
          )}
          <FilePicker
            ref={fileInput}
            accept={`.xlsx,${XLSX_MIME}`}
            label="选择 .xlsx 工作簿"
            data-testid="file-input"
            onFile={(file) => void openFile(file)}
          />
        </div>
        {!narrow && <Caption1 className={s.privacy}>文件只在本机浏览器中处理，不会上传。</Caption1>}
      </header>
      {error && (
        <MessageBar intent="error" className={s.bar} layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {loading && (
        <div className={s.start} role="status">
          <Spinner label={loading} />
        </div>
      )}
      {!doc && !loading && (
        <div className={s.start}>
          <div className={s.drop}>
            <DocumentTable20Regular aria-hidden style={{ width: 40, height: 40 }} />
            <Body1>
              打开预算绩效目标表工作簿（.xlsx），在浏览器中校验、修复并插入标准指标，再保存为新的 .xlsx 文件。
            </Body1>
            <Button
              appearance="primary"
              size="large"
              icon={<FolderOpen20Regular />}
              onClick={() => fileInput.current?.click()}
              aria-label="打开 .xlsx 文件"
            >
              打开 .xlsx 文件
            </Button>
            <Caption1>或把文件拖放到此页面</Caption1>
          </div>
          <Caption1>
            不需要安装 Excel 或加载项。文件只在本机浏览器中读取和处理，不会上传到任何服务器；本页面离线也能使用。
          </Caption1>
        </div>
      )}
      {doc && !loading && (
        <>
          {narrow && (
            <TabList
              className={s.switcher}
              selectedValue={pane}
              onTabSelect={(_e, d) => setPane(d.value as "sheet" | "assistant")}
              aria-label="显示内容"
              size="small"
            >
              <Tab value="assistant" icon={<TaskListSquareLtr20Regular />}>
                助手
              </Tab>
              <Tab value="sheet" icon={<DocumentTable20Regular />}>
                表格
              </Tab>
            </TabList>
          )}
          <div className={s.main} key={doc.id}>
            <div className={narrow && pane !== "sheet" ? s.hidden : s.sheetArea}>
              <Workbook port={doc.port} />
            </div>
            <aside
              className={narrow ? (pane === "assistant" ? mergeClasses(s.pane, s.paneNarrow) : s.hidden) : s.pane}
              aria-label="绩效目标表助手"
            >
              <App port={doc.port} headerless />
            </aside>
          </div>
        </>
      )}
      {dragging && (
        <div className={s.overlay} aria-hidden>
          松开鼠标以打开工作簿
        </div>
      )}
    </div>
  );
}

/** The sheets of the open workbook: tabs, the selected cell's address and text, the grid. */
function Workbook({ port }: { port: WebWorkbook }): React.JSX.Element {
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
  let selectedText = "";
  try {
    const p = parseCell(selected);
    const m = grid.merges.find((x) => p.row >= x.top && p.row <= x.bottom && p.column >= x.left && p.column <= x.right);
    selectedText = grid.cell(m ? m.top : p.row, m ? m.left : p.column)?.text ?? "";
  } catch {
    selectedText = "";
  }
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
