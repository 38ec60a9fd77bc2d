/**
 * 校验: the one-click check, its progress and summary (CheckStatus.tsx), the toolbars (grouping,
 * 全部折叠, 上一个/下一个, 清除标记) and the findings list (FindingList.tsx: go-to-cell, quick fixes,
 * 全部修复, 忽略, 关闭此规则).
 */
import * as React from "react";
import { Body1, Button, Caption1, makeStyles, ToggleButton, tokens } from "@fluentui/react-components";
import {
  ArrowDown16Regular,
  ArrowUp16Regular,
  CheckmarkCircle20Filled,
  Eraser20Regular,
  TaskListSquareLtr20Regular,
} from "@fluentui/react-icons";
import type { Finding } from "../../core/finding";
import type { Assistant } from "../assistant";
import { displayOrder, groupFindings, type FindingGroup, type GroupBy } from "../groups";
import type { AssistantState } from "../state";
import { CheckProgress, NoTables, RuleFailures, Summary, Unread } from "./CheckStatus";
import { FindingList } from "./FindingList";
import { useSharedStyles } from "../ui";

const useStyles = makeStyles({
  top: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `0 ${tokens.spacingHorizontalM}`,
  },
  checkButton: { width: "100%", minHeight: "40px", fontSize: tokens.fontSizeBase400 },
  verdictOk: { color: tokens.colorPaletteGreenForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
  toolbars: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "center",
  },
  spacer: { flexGrow: 1 },
  empty: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM },
  ok: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, padding: tokens.spacingHorizontalM },
});

interface CheckViewProps {
  readonly assistant: Assistant;
  readonly state: AssistantState;
}

/** The host keeps the add-in's writes on its undo stack (ExcelWorkbook.keepsUndo: ExcelApi 1.20); not the web page. */
function keepsUndo(assistant: Assistant): boolean {
  return (assistant.port as { keepsUndo?: unknown }).keepsUndo === true;
}

export function CheckView({ assistant, state }: CheckViewProps): React.JSX.Element {
  const s = useStyles();
  const u = useSharedStyles();
  const [groupBy, setGroupBy] = React.useState<GroupBy>("rule");
  const [collapsed, setCollapsed] = React.useState<ReadonlySet<string>>(() => new Set());
  const result = state.result;
  const findings = React.useMemo(() => result?.findings ?? [], [result]);
  const groups = React.useMemo(() => groupFindings(findings, groupBy), [findings, groupBy]);
  const order = React.useMemo(() => displayOrder(groups), [groups]);
  const busy = state.running || state.busy !== null;
  const checked = result !== null && !state.running;

  return (
    <section className={u.view} aria-label="校验">
      <div className={s.top}>
        <Button
          appearance="primary"
          size="large"
          className={s.checkButton}
          icon={<TaskListSquareLtr20Regular />}
          disabled={busy}
          onClick={() => void assistant.check()}
          aria-label="一键校验：检查全部工作表中的绩效目标表"
        >
          {state.running ? "正在校验…" : "一键校验"}
        </Button>
        {state.running && <CheckProgress done={state.progress?.done ?? 0} total={state.progress?.total ?? 0} />}
        {checked && <Summary state={state} />}
        {checked && result.ruleFailures.length > 0 && <RuleFailures result={result} />}
        {result && result.summary.tables > 0 && (
          <div className={s.toolbars}>
            <GroupingBar
              groupBy={groupBy}
              onGroupBy={setGroupBy}
              groups={groups}
              collapsed={collapsed}
              onCollapsed={setCollapsed}
            />
            <NavigationBar assistant={assistant} state={state} order={order} busy={busy} />
          </div>
        )}
      </div>
      {!result && !state.running && (
        <div className={s.empty}>
          <Body1>
            点击“一键校验”，检查工作簿中全部的绩效目标表（部门整体支出表、项目表），找出审核时常被退回的问题，并在单元格上标出。
          </Body1>
          <Caption1 className={s.muted}>
            校验只读取表格、添加标记，不改动单元格内容；修复和插入都需要您点击确认
            {keepsUndo(assistant) ? "，可用 Excel 的撤销恢复" : ""}。
          </Caption1>
        </div>
      )}
      {checked && result.summary.tables === 0 && <NoTables problems={result.problems} />}
      {checked && result.summary.tables > 0 && <Unread problems={result.problems} />}
      {checked && result.summary.tables > 0 && findings.length === 0 && (
        <div className={s.ok} role="status">
          <CheckmarkCircle20Filled className={s.verdictOk} aria-hidden />
          <Body1>未发现问题{result.summary.ignored ? `（另有 ${result.summary.ignored} 条已忽略）` : ""}。</Body1>
        </div>
      )}
      {findings.length > 0 && (
        <FindingList
          groups={groups}
          order={order}
          groupBy={groupBy}
          collapsed={collapsed}
          setCollapsed={setCollapsed}
          current={state.current}
          assistant={assistant}
          busy={busy}
        />
      )}
    </section>
  );
}

/** 按规则 / 按工作表 and 全部折叠 / 全部展开. */
function GroupingBar(props: {
  groupBy: GroupBy;
  onGroupBy: (g: GroupBy) => void;
  groups: readonly FindingGroup[];
  collapsed: ReadonlySet<string>;
  onCollapsed: (c: ReadonlySet<string>) => void;
}): React.JSX.Element {
  const s = useStyles();
  const { groups, collapsed } = props;
  const allCollapsed = groups.length > 0 && groups.every((g) => collapsed.has(g.key));
  return (
    <div className={s.toolbar} role="toolbar" aria-label="分组">
      <ToggleButton
        size="small"
        checked={props.groupBy === "rule"}
        onClick={() => props.onGroupBy("rule")}
        aria-label="按规则分组"
      >
        按规则
      </ToggleButton>
      <ToggleButton
        size="small"
        checked={props.groupBy === "table"}
        onClick={() => props.onGroupBy("table")}
        aria-label="按工作表分组"
      >
        按工作表
      </ToggleButton>
      <Button
        size="small"
        appearance="subtle"
        disabled={groups.length === 0}
        onClick={() => props.onCollapsed(allCollapsed ? new Set() : new Set(groups.map((g) => g.key)))}
        aria-label={allCollapsed ? "全部展开" : "全部折叠"}
      >
        {allCollapsed ? "全部展开" : "全部折叠"}
      </Button>
    </div>
  );
}

/** 上一个 / 下一个 through the list as shown, and 清除标记. */
function NavigationBar(props: {
  assistant: Assistant;
  state: AssistantState;
  order: readonly Finding[];
  busy: boolean;
}): React.JSX.Element {
  const s = useStyles();
  const { assistant, order, busy } = props;
  const result = props.state.result;
  const sheetOrder = React.useMemo(() => result?.parse.sheets.map((x) => x.sheet) ?? [], [result]);
  return (
    <div className={s.toolbar} role="toolbar" aria-label="定位与标记">
      <Button
        size="small"
        icon={<ArrowUp16Regular />}
        disabled={order.length === 0 || busy}
        onClick={() => void assistant.navigate(-1, order, sheetOrder)}
        aria-label="上一个问题"
      >
        上一个
      </Button>
      <Button
        size="small"
        icon={<ArrowDown16Regular />}
        disabled={order.length === 0 || busy}
        onClick={() => void assistant.navigate(1, order, sheetOrder)}
        aria-label="下一个问题"
      >
        下一个
      </Button>
      <span className={s.spacer} />
      <Button
        size="small"
        appearance="subtle"
        icon={<Eraser20Regular />}
        disabled={busy}
        onClick={() => void assistant.clearMarks()}
        aria-label="清除标记：去掉本助手在单元格上做的全部标记"
      >
        清除标记
      </Button>
    </div>
  );
}
