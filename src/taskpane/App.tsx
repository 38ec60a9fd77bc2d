/**
 * The task pane: header, the three views (校验 / 模板 / 设置) and the message bar, over a
 * WorkbookPort. The same component runs in Excel (ExcelWorkbook) and on the web page
 * (XlsxWorkbook); without a port (a plain browser outside Office) it says where it runs.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Title3,
  tokens,
} from "@fluentui/react-components";
import {
  Dismiss16Regular,
  DocumentTable20Regular,
  Settings20Regular,
  TaskListSquareLtr20Regular,
} from "@fluentui/react-icons";
import type { WorkbookPort } from "../core/port";
import { protectedSheets } from "../excel/host";
import type { Assistant } from "./assistant";
import type { AssistantOptions } from "./check-loop";
import type { AssistantState } from "./state";
import { useAssistant, useAssistantState } from "./useAssistant";
import { CheckView } from "./views/CheckView";
import { SettingsView } from "./views/SettingsView";

// the 模板 view carries the template library and its pinyin index: a chunk loaded when it first opens
const TemplatesView = React.lazy(() =>
  import(/* webpackChunkName: "templates-view" */ "./views/TemplatesView").then((m) => ({ default: m.TemplatesView }))
);

/** Where the page runs: inside Excel (office.js loaded and ready) or in a plain browser. */
export type HostState = { kind: "loading" } | { kind: "excel"; platform: string } | { kind: "browser" };

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    height: "100%",
    minHeight: 0,
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  tabs: { padding: `0 ${tokens.spacingHorizontalXS}`, flexShrink: 0 },
  body: { display: "flex", flexDirection: "column", flexGrow: 1, minHeight: 0, paddingTop: tokens.spacingVerticalS },
  view: { display: "flex", flexDirection: "column", flexGrow: 1, minHeight: 0 },
  hidden: { display: "none" },
  bar: { margin: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS}`, flexShrink: 0 },
  details: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: "1.2em", maxHeight: "120px", overflowY: "auto" },
  busy: { padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS}` },
  intro: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
});

function describeHost(host: HostState): string {
  switch (host.kind) {
    case "loading":
      return "正在连接 Excel…";
    case "excel":
      return `已在 Excel 中加载（${host.platform}）。`;
    case "browser":
      return "当前不在 Excel 中运行（浏览器预览），校验功能需在 Excel 中使用；不用 Excel 时可打开网页版（web.html）。";
  }
}

export type ViewName = "check" | "templates" | "settings";

interface AppProps {
  /** The workbook; null where there is none (the task pane opened outside Excel). */
  readonly port: WorkbookPort | null;
  readonly host?: HostState;
  readonly options?: AssistantOptions;
  /** A rule doc's HTML (tests pass their own; default fetches docs/rules/<id>.html, rendered at build time). */
  readonly loadDoc?: (id: string) => Promise<string>;
  /** Hide the header (the web page shows its own). */
  readonly headerless?: boolean;
  readonly initialView?: ViewName;
}

export function App(props: AppProps): React.JSX.Element {
  const s = useStyles();
  return (
    <main className={s.root}>
      {!props.headerless && (
        <header className={s.header}>
          <img src="assets/icon-32.png" alt="" width={24} height={24} />
          <Title3 as="h1" className={s.title}>
            绩效目标表助手
          </Title3>
        </header>
      )}
      {props.port ? (
        <Workspace port={props.port} options={props.options} loadDoc={props.loadDoc} initialView={props.initialView} />
      ) : (
        <div className={s.intro}>
          <Body1>
            校验预算绩效目标表（部门整体支出表、项目表）的指标是否齐全、规范，标出问题，提供快速修复和标准指标模板。
          </Body1>
          <Caption1 className={s.muted} data-testid="host-status">
            {describeHost(props.host ?? { kind: "browser" })}
          </Caption1>
        </div>
      )}
    </main>
  );
}

function Workspace(props: {
  port: WorkbookPort;
  options?: AssistantOptions;
  loadDoc?: (id: string) => Promise<string>;
  initialView?: ViewName;
}): React.JSX.Element {
  const s = useStyles();
  const assistant = useAssistant(props.port, props.options);
  const state = useAssistantState(assistant);
  const [view, setView] = React.useState<ViewName>(props.initialView ?? "check");
  // a view, once opened, stays mounted (its search, scroll and form survive switching tabs)
  const [opened, setOpened] = React.useState<ReadonlySet<ViewName>>(() => new Set([view]));
  const open = (next: ViewName) => {
    setView(next);
    setOpened((o) => (o.has(next) ? o : new Set([...o, next])));
  };
  const shown = (name: ViewName) => state.settingsLoaded && (view === name || opened.has(name));
  const place = (name: ViewName) => (view === name ? s.view : s.hidden);
  return (
    <>
      <TabList
        className={s.tabs}
        selectedValue={view}
        onTabSelect={(_e, d) => open(d.value as ViewName)}
        aria-label="功能"
        size="small"
      >
        <Tab value="check" icon={<TaskListSquareLtr20Regular />} aria-label="校验">
          校验
        </Tab>
        <Tab value="templates" icon={<DocumentTable20Regular />} aria-label="模板">
          模板
        </Tab>
        <Tab value="settings" icon={<Settings20Regular />} aria-label="设置">
          设置
        </Tab>
      </TabList>
      <div className={s.body}>
        <StatusBars assistant={assistant} state={state} />
        {state.settingsLoaded && (
          <div className={place("check")}>
            <CheckView assistant={assistant} state={state} />
          </div>
        )}
        {shown("templates") && (
          <div className={place("templates")}>
            <React.Suspense
              fallback={
                <div className={s.busy} role="status">
                  <Spinner size="tiny" label="正在载入模板库…" labelPosition="after" />
                </div>
              }
            >
              <TemplatesView assistant={assistant} state={state} />
            </React.Suspense>
          </div>
        )}
        {shown("settings") && (
          <div className={place("settings")}>
            <SettingsView assistant={assistant} state={state} loadDoc={props.loadDoc} />
          </div>
        )}
      </div>
    </>
  );
}

const INTENT = { error: "error", warning: "warning", success: "success", info: "info" } as const;

/**
 * Above the views: the notice of the last action (success messages go by themselves, errors and
 * warnings stay until dismissed), the protected sheets left unmarked, what is under way.
 */
function StatusBars({ assistant, state }: { assistant: Assistant; state: AssistantState }): React.JSX.Element {
  const s = useStyles();
  const notice = state.notice;
  React.useEffect(() => {
    if (notice?.kind !== "success") return;
    const timer = setTimeout(() => {
      if (assistant.getState().notice === notice) assistant.dismissNotice();
    }, 10_000);
    return () => clearTimeout(timer);
  }, [notice, assistant]);
  return (
    <>
      {notice && (
        <MessageBar intent={INTENT[notice.kind]} className={s.bar} layout="multiline" data-testid="notice">
          <MessageBarBody>
            {notice.text}
            {notice.details && notice.details.length > 0 && (
              <ul className={s.details}>
                {notice.details.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                size="small"
                icon={<Dismiss16Regular />}
                aria-label="关闭提示"
                onClick={() => assistant.dismissNotice()}
              />
            }
          />
        </MessageBar>
      )}
      {state.skippedSheets.length > 0 && !state.running && (
        <MessageBar intent="warning" className={s.bar} layout="multiline">
          <MessageBarBody>
            {protectedSheets(state.skippedSheets)}
            ，问题未能标记在单元格上（列表中仍然列出）。请在“审阅 → 撤销工作表保护”后重新校验。
          </MessageBarBody>
        </MessageBar>
      )}
      {state.busy && (
        <div className={s.busy} role="status" aria-live="polite">
          <Spinner size="tiny" label={`${state.busy}…`} labelPosition="after" />
        </div>
      )}
      {!state.settingsLoaded && (
        <div className={s.busy} role="status">
          <Spinner size="tiny" label="正在读取工作簿中的设置…" labelPosition="after" />
        </div>
      )}
    </>
  );
}
