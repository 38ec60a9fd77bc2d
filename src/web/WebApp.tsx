/**
 * The stand-alone page, two modes. 单个文件: open an .xlsx or .xls (file picker, drag-and-drop, or
 * ?sample=<name> from this page's own origin: useWorkbookFile.ts), see its sheets as grids
 * (WorkbookView.tsx) beside the task pane, save the checked and fixed workbook as a new .xlsx.
 * 批量校验 (batch/): many files or folders checked in a Web Worker, the report and the marked
 * copies downloaded. Everything happens in this browser tab: no file is ever uploaded. Below 760 px
 * the sheet and the assistant are two tabs.
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
  DocumentMultiple20Regular,
  DocumentTable20Regular,
  FolderOpen20Regular,
  TaskListSquareLtr20Regular,
} from "@fluentui/react-icons";
import { App } from "../taskpane/App";
import { downloadBlob } from "../taskpane/files";
import { FilePicker } from "../taskpane/ui";
import { BatchView, reasonOf, useBatch } from "./batch/BatchView";
import { fromDrop } from "./batch/collect";
import { XLSX_MIME } from "../xlsx/file-kinds";
import { useFileDrop, useWorkbookFile, type Opened } from "./useWorkbookFile";
import { WorkbookView } from "./WorkbookView";

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

/** The page's mode: one workbook beside the assistant, or a batch. */
type Mode = "single" | "batch";

/** The header: the brand, the mode tabs, the single-file actions (`children`), the privacy note. */
function PageHeader(props: {
  mode: Mode;
  onMode: (m: Mode) => void;
  narrow: boolean;
  children: React.ReactNode;
}): React.JSX.Element {
  const s = useStyles();
  return (
    <header className={s.header}>
      <div className={s.brand}>
        <img src="assets/icon-32.png" alt="" width={24} height={24} />
        <Title3 as="h1" className={s.title}>
          绩效目标表助手
        </Title3>
        <Caption1>网页版</Caption1>
      </div>
      <TabList
        selectedValue={props.mode}
        onTabSelect={(_e, d) => props.onMode(d.value as Mode)}
        aria-label="模式"
        size="small"
      >
        <Tab value="single" icon={<DocumentTable20Regular />}>
          单个文件
        </Tab>
        <Tab value="batch" icon={<DocumentMultiple20Regular />}>
          批量校验
        </Tab>
      </TabList>
      <div className={props.mode === "single" ? s.actions : s.hidden}>{props.children}</div>
      {!props.narrow && <Caption1 className={s.privacy}>文件只在本机浏览器中处理，不会上传。</Caption1>}
    </header>
  );
}

/** Drops go to the mode shown: one workbook opened, or a batch (folders walked) started (or why not: `onError`). */
function useDrop(
  mode: Mode,
  openFile: (file: File | undefined) => Promise<void>,
  start: (files: { path: string; file: File }[]) => void,
  onError: (message: string) => void
) {
  const onDrop = React.useCallback(
    (data: DataTransfer) => {
      if (mode === "single") void openFile(data.files?.[0]);
      else
        void fromDrop(data).then(start, (e: unknown) =>
          onError(`无法读取拖放的文件或文件夹${reasonOf(e)}。可以改用“选择文件夹”或“选择文件”。`)
        );
    },
    [mode, openFile, start, onError]
  );
  return useFileDrop(onDrop);
}

export function WebApp(props: { sample?: string }): React.JSX.Element {
  const s = useStyles();
  const { doc, loading, error, setError, openFile } = useWorkbookFile(props.sample);
  const [mode, setMode] = React.useState<Mode>("single");
  const batch = useBatch();
  const dragging = useDrop(mode, openFile, batch.start, batch.setError);
  const openFromBatch = React.useCallback(
    (file: File, workbookSettings: boolean) => {
      setMode("single");
      void openFile(file, { mark: { workbookSettings } });
    },
    [openFile]
  );
  const narrow = useMedia(NARROW);
  const [pane, setPane] = React.useState<Pane>("assistant");
  const fileInput = React.useRef<HTMLInputElement>(null);
  const pickFile = () => fileInput.current?.click();
  const single = mode === "single";
  return (
    <div className={s.page}>
      <PageHeader mode={mode} onMode={setMode} narrow={narrow}>
        <Button
          icon={<FolderOpen20Regular />}
          onClick={pickFile}
          aria-label="打开文件：选择本机的 .xlsx 或 .xls 工作簿"
        >
          打开文件
        </Button>
        <SaveButton doc={doc} onError={setError} />
        {doc && (
          <Text className={s.fileName} data-testid="file-name" title={doc.port.fileName}>
            {doc.port.fileName}
          </Text>
        )}
        <FilePicker
          ref={fileInput}
          accept={`.xlsx,.xls,${XLSX_MIME}`}
          label="选择 .xlsx 或 .xls 工作簿"
          data-testid="file-input"
          onFile={(file) => void openFile(file)}
        />
      </PageHeader>
      {!single && <BatchView batch={batch} onOpenFile={openFromBatch} />}
      {single && error && (
        <MessageBar intent="error" className={s.bar} layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {single && loading && (
        <div className={s.start} role="status">
          <Spinner label={loading} />
        </div>
      )}
      {single && !doc && !loading && <StartScreen onOpen={pickFile} />}
      {single && doc && !loading && <Workspace doc={doc} narrow={narrow} pane={pane} onPane={setPane} />}
      {dragging && (
        <div className={s.overlay} aria-hidden>
          {single ? "松开鼠标以打开工作簿" : "松开鼠标以批量检查这些文件和文件夹"}
        </div>
      )}
    </div>
  );
}

/** 保存: the workbook as a new .xlsx download (`<原文件名>-已校验.xlsx`). */
function SaveButton(props: { doc: Opened | null; onError: (message: string) => void }): React.JSX.Element {
  const { doc, onError } = props;
  const [saving, setSaving] = React.useState(false);
  const save = async () => {
    if (!doc) return;
    setSaving(true);
    try {
      const bytes = await doc.port.save();
      downloadBlob(bytes as Uint8Array<ArrayBuffer>, savedFileName(doc.port.fileName), XLSX_MIME);
    } catch (e) {
      onError(`保存失败：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Button
      appearance="primary"
      icon={<ArrowDownload20Regular />}
      disabled={!doc || saving}
      onClick={() => void save()}
      aria-label={doc ? `保存：下载“${savedFileName(doc.port.fileName)}”` : "保存（请先打开工作簿）"}
    >
      {saving ? "正在保存…" : "保存"}
    </Button>
  );
}

/** Before a workbook is open: what the page does, 打开 .xlsx 文件, drag and drop. */
function StartScreen({ onOpen }: { onOpen: () => void }): React.JSX.Element {
  const s = useStyles();
  return (
    <div className={s.start}>
      <div className={s.drop}>
        <DocumentTable20Regular aria-hidden style={{ width: 40, height: 40 }} />
        <Body1>
          打开预算绩效目标表工作簿（.xlsx 或 .xls），在浏览器中校验、修复并插入标准指标，再保存为新的 .xlsx 文件。
        </Body1>
        <Button
          appearance="primary"
          size="large"
          icon={<FolderOpen20Regular />}
          onClick={onOpen}
          aria-label="打开工作簿文件"
        >
          打开工作簿
        </Button>
        <Caption1>或把文件拖放到此页面</Caption1>
      </div>
      <Caption1>
        不需要安装 Excel 或加载项。文件只在本机浏览器中读取和处理，不会上传到任何服务器；本页面离线也能使用。
      </Caption1>
    </div>
  );
}

/** What a narrow page shows. */
type Pane = "sheet" | "assistant";

/** The open workbook beside the assistant; on a narrow page, one of them at a time (two tabs). */
function Workspace(props: { doc: Opened; narrow: boolean; pane: Pane; onPane: (p: Pane) => void }): React.JSX.Element {
  const s = useStyles();
  const { doc, narrow, pane } = props;
  return (
    <>
      {narrow && (
        <TabList
          className={s.switcher}
          selectedValue={pane}
          onTabSelect={(_e, d) => props.onPane(d.value as Pane)}
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
          <WorkbookView port={doc.port} />
        </div>
        <aside
          className={narrow ? (pane === "assistant" ? mergeClasses(s.pane, s.paneNarrow) : s.hidden) : s.pane}
          aria-label="绩效目标表助手"
        >
          <App port={doc.port} headerless />
        </aside>
      </div>
    </>
  );
}
