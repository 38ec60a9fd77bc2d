/**
 * The stand-alone page: open an .xlsx (file picker, drag-and-drop, or ?sample=<name> from this
 * page's own origin: useWorkbookFile.ts), see its sheets as grids (WorkbookView.tsx) beside the
 * task pane, save the checked and fixed workbook as a new .xlsx. Everything happens in this browser
 * tab: the file is never uploaded. Below 760 px the sheet and the assistant are two tabs.
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
import { App } from "../taskpane/App";
import { downloadBlob } from "../taskpane/files";
import { FilePicker } from "../taskpane/ui";
import { useFileDrop, useWorkbookFile, XLSX_MIME, type Opened } from "./useWorkbookFile";
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

export function WebApp(props: { sample?: string }): React.JSX.Element {
  const s = useStyles();
  const { doc, loading, error, setError, openFile } = useWorkbookFile(props.sample);
  const dragging = useFileDrop(openFile);
  const narrow = useMedia(NARROW);
  const [pane, setPane] = React.useState<Pane>("assistant");
  const fileInput = React.useRef<HTMLInputElement>(null);
  const pickFile = () => fileInput.current?.click();
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
          <Button icon={<FolderOpen20Regular />} onClick={pickFile} aria-label="打开文件：选择本机的 .xlsx 工作簿">
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
      {!doc && !loading && <StartScreen onOpen={pickFile} />}
      {doc && !loading && <Workspace doc={doc} narrow={narrow} pane={pane} onPane={setPane} />}
      {dragging && (
        <div className={s.overlay} aria-hidden>
          松开鼠标以打开工作簿
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
        <Body1>打开预算绩效目标表工作簿（.xlsx），在浏览器中校验、修复并插入标准指标，再保存为新的 .xlsx 文件。</Body1>
        <Button
          appearance="primary"
          size="large"
          icon={<FolderOpen20Regular />}
          onClick={onOpen}
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
