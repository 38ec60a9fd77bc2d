/**
 * 批量校验: the web page's second mode. Pick files or a whole folder, or drop them (folders too) on
 * the page; every workbook (.xlsx, .xls) is checked in a Web Worker (run.ts) with a progress bar and
 * 取消. Then: the totals, the charts of what is most common (the HTML report's own), the summary
 * table (BatchTable.tsx), and the downloads — the HTML report and a .zip of the marked copies.
 * Nothing is uploaded.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Switch,
  Text,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowDownload20Regular,
  Dismiss20Regular,
  DocumentMultiple20Regular,
  FolderOpen20Regular,
} from "@fluentui/react-icons";
import { chartsHtml } from "../../core/report/charts";
import { totalsParts, type ReportedFile } from "../../core/report/result";
import { visible } from "../../core/text";
import { downloadBlob } from "../../taskpane/files";
import { BatchTable } from "./BatchTable";
import { collect, fromFileList, type BatchInput } from "./collect";
import { reportPage, stamp } from "./downloads";
import { BatchRun, type BatchSnapshot, type CheckChoice } from "./run";

const useStyles = makeStyles({
  root: {
    flexGrow: 1,
    overflowY: "auto",
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  pickers: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    padding: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    alignItems: "flex-start",
  },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  hidden: { display: "none" },
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  current: { color: tokens.colorNeutralForeground2, wordBreak: "break-all" },
  // the charts are the HTML report's inline SVG; these are the report's own looks for them
  charts: {
    "& figure": { margin: `${tokens.spacingVerticalS} 0` },
    "& figcaption": { fontWeight: tokens.fontWeightSemibold },
    "& svg text": { fill: tokens.colorNeutralForeground1 },
    "& table": { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
    "& td, & th": { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 6px" },
    "& h2": { fontSize: tokens.fontSizeBase400, margin: 0 },
  },
});

/** The switch that checks without the workbooks' own settings (the command line's --ignore-workbook-settings). */
const DEFAULTS_ONLY = "不用工作簿自带的设置";

/** How the page checks: each workbook under its own settings (as the command line does), or the defaults. */
function checkChoice(defaultsOnly: boolean): CheckChoice {
  return { workbookSettings: !defaultsOnly, noticeHint: `打开“${DEFAULTS_ONLY}”可按默认设置检查。` };
}

/** ": the browser's reason" for a message, when it gives one. */
export function reasonOf(e: unknown): string {
  const text = e instanceof Error ? e.message : typeof e === "string" ? e : "";
  return text ? `（${text}）` : "";
}

/** The batch being run (or done): start it with the files, folders or a drop; what went wrong (Chinese), shown above it. */
export function useBatch() {
  const [run, setRun] = React.useState<BatchRun | null>(null);
  const [skipped, setSkipped] = React.useState<string[]>([]);
  const [error, setError] = React.useState<string | null>(null);
  const [defaultsOnly, setDefaultsOnly] = React.useState(false);
  const start = React.useCallback(
    (files: readonly { path: string; file: File }[]) => {
      const { inputs, skipped: left } = collect(files);
      setSkipped(left);
      setError(null);
      setRun((old) => {
        old?.dispose();
        if (inputs.length === 0) return null;
        const next = new BatchRun(inputs, checkChoice(defaultsOnly));
        next.start();
        return next;
      });
    },
    [defaultsOnly]
  );
  return { run, skipped, start, error, setError, defaultsOnly, setDefaultsOnly };
}

const NO_SNAPSHOT = () => null;
const NO_SUBSCRIPTION = () => () => undefined;

function useSnapshot(run: BatchRun | null): BatchSnapshot | null {
  return React.useSyncExternalStore(run?.subscribe ?? NO_SUBSCRIPTION, run?.getSnapshot ?? NO_SNAPSHOT);
}

function Pickers(props: {
  onFiles: (files: { path: string; file: File }[]) => void;
  busy: boolean;
  defaultsOnly: boolean;
  onDefaultsOnly: (on: boolean) => void;
}): React.JSX.Element {
  const s = useStyles();
  const files = React.useRef<HTMLInputElement>(null);
  const folder = React.useRef<HTMLInputElement>(null);
  React.useEffect(() => folder.current?.setAttribute("webkitdirectory", ""), []);
  const picked = (e: React.ChangeEvent<HTMLInputElement>) => {
    const list = e.target.files ? fromFileList(e.target.files) : [];
    e.target.value = "";
    if (list.length) props.onFiles(list);
  };
  return (
    <div className={s.pickers}>
      <Body1>
        一次检查一批工作簿（.xlsx、.xls）：选择多个文件或整个文件夹，或把文件、文件夹拖放到此页面。每个文件都在本机浏览器中检查，不会上传。
      </Body1>
      <div className={s.row}>
        <Button
          appearance="primary"
          icon={<FolderOpen20Regular />}
          onClick={() => folder.current?.click()}
          disabled={props.busy}
        >
          选择文件夹
        </Button>
        <Button icon={<DocumentMultiple20Regular />} onClick={() => files.current?.click()} disabled={props.busy}>
          选择文件
        </Button>
        <Caption1>或拖放到此页面</Caption1>
      </div>
      <Switch
        checked={props.defaultsOnly}
        onChange={(_e, d) => props.onDefaultsOnly(d.checked)}
        disabled={props.busy}
        label={`${DEFAULTS_ONLY}（按默认设置检查：工作簿自带的设置可能关闭了规则或忽略了问题）`}
        data-testid="defaults-only"
      />
      <input
        ref={files}
        type="file"
        multiple
        accept=".xlsx,.xls"
        className={s.hidden}
        aria-label="选择要批量检查的工作簿"
        data-testid="batch-files"
        onChange={picked}
      />
      <input
        ref={folder}
        type="file"
        className={s.hidden}
        aria-label="选择要批量检查的文件夹"
        data-testid="batch-folder"
        onChange={picked}
      />
    </div>
  );
}

function Progress(props: { snap: BatchSnapshot; onCancel: () => void }): React.JSX.Element {
  const s = useStyles();
  const { snap } = props;
  return (
    <div className={s.progress} role="status" aria-live="polite" data-testid="batch-progress">
      <div className={s.row}>
        <Text weight="semibold">
          正在检查 {snap.done} / {snap.total}
        </Text>
        <Button icon={<Dismiss20Regular />} onClick={props.onCancel}>
          取消
        </Button>
      </div>
      <ProgressBar value={snap.total ? snap.done / snap.total : 0} thickness="large" aria-label="批量校验进度" />
      {snap.current && <Caption1 className={s.current}>当前文件：{visible(snap.current)}</Caption1>}
    </div>
  );
}

function Summary(props: {
  snap: BatchSnapshot;
  run: BatchRun;
  onError: (message: string | null) => void;
}): React.JSX.Element {
  const s = useStyles();
  const { snap, run, onError } = props;
  const t = snap.totals;
  const [zipping, setZipping] = React.useState(false);
  const name = stamp(snap.started);
  const saveZip = async () => {
    setZipping(true);
    onError(null);
    try {
      const zip = await run.copiesZip();
      if (zip) downloadBlob(zip, `标注副本-${name}.zip`, "application/zip");
    } catch (e) {
      onError(`无法生成标注副本的压缩包${reasonOf(e)}。请再点一次“下载标注副本（.zip）”。`);
    } finally {
      setZipping(false);
    }
  };
  const copying = snap.copying;
  return (
    <>
      <Text as="p" data-testid="batch-totals">
        {snap.state === "cancelled" ? `已取消：检查了 ${snap.done} / ${snap.total} 个文件。` : ""}
        共检查 {t.files} 个文件：{totalsParts(t).join("，")}。问题合计：错误 {t.counts.error} · 警告 {t.counts.warning}{" "}
        · 提示 {t.counts.info}。{t.writeFailed ? `有 ${t.writeFailed} 个标注副本未能生成。` : ""}
      </Text>
      <div className={s.row}>
        <Button
          appearance="primary"
          icon={<ArrowDownload20Regular />}
          onClick={() => downloadBlob(reportPage(snap), `校验报告-${name}.html`, "text/html;charset=utf-8")}
        >
          下载网页报告
        </Button>
        <Button icon={<ArrowDownload20Regular />} onClick={() => void saveZip()} disabled={zipping}>
          {zipping
            ? copying
              ? `正在生成标注副本 ${copying.done} / ${copying.total}…`
              : "正在打包…"
            : "下载标注副本（.zip）"}
        </Button>
      </div>
      {/* our own markup (chartsHtml escapes every text it writes; no cell text goes into it) */}
      <div
        className={s.charts}
        data-testid="batch-charts"
        dangerouslySetInnerHTML={{ __html: chartsHtml(snap.stats) }}
      />
    </>
  );
}

export function BatchView(props: {
  batch: ReturnType<typeof useBatch>;
  /** Opens a file of the batch in the single-file view, marked as the batch checked it (its own settings or not). */
  onOpenFile: (file: File, workbookSettings: boolean) => void;
}): React.JSX.Element {
  const s = useStyles();
  const { run, skipped, start, error, setError, defaultsOnly, setDefaultsOnly } = props.batch;
  const snap = useSnapshot(run);
  const running = snap?.state === "running";
  const { onOpenFile } = props;
  const openFile = React.useCallback(
    (r: ReportedFile) => {
      const input: BatchInput | undefined = run?.inputs[r.index];
      if (run && input) onOpenFile(input.file, run.choice.workbookSettings);
    },
    [run, onOpenFile]
  );
  return (
    <div className={s.root} data-testid="batch-view">
      <Pickers onFiles={start} busy={running} defaultsOnly={defaultsOnly} onDefaultsOnly={setDefaultsOnly} />
      {skipped.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            已跳过 {skipped.length} 个不是 .xlsx 或 .xls 工作簿的文件：
            {skipped.slice(0, 3).map(visible).join("、")}
            {skipped.length > 3 ? " 等" : ""}。
          </MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error" layout="multiline" data-testid="batch-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {run && snap && running && <Progress snap={snap} onCancel={() => run.cancel()} />}
      {run && snap && !running && <Summary snap={snap} run={run} onError={setError} />}
      {snap && snap.results.length > 0 && <BatchTable results={snap.results} onOpenFile={openFile} />}
    </div>
  );
}
