/**
 * 校验: the one-click check, its progress and summary, the findings list (grouped by rule or by
 * sheet/table, collapsible, virtualised), go-to-cell, 上一个/下一个, quick fixes, 全部修复, 忽略,
 * 关闭此规则 and 清除标记.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  CounterBadge,
  makeStyles,
  mergeClasses,
  ProgressBar,
  Text,
  ToggleButton,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowDown16Regular,
  ArrowUp16Regular,
  CheckmarkCircle20Filled,
  ChevronDown16Regular,
  ChevronRight16Regular,
  DismissCircle20Filled,
  Eraser20Regular,
  EyeOff16Regular,
  Prohibited16Regular,
  TaskListSquareLtr20Regular,
  Wrench16Regular,
} from "@fluentui/react-icons";
import type { Finding } from "../../core/finding";
import type { ParseProblem } from "../../core/model";
import { ruleById } from "../../core/rules";
import type { Assistant, AssistantState } from "../assistant";
import { cellLabel } from "../assistant";
import { displayOrder, groupFindings, type FindingGroup, type GroupBy } from "../groups";
import { SEVERITIES, SEVERITY_LABEL, SeverityIcon, useFocusStyles } from "../ui";
import { VirtualList, type VirtualListHandle } from "../VirtualList";
import { FixForm } from "./FixForm";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: 0, flexGrow: 1, gap: tokens.spacingVerticalS },
  top: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `0 ${tokens.spacingHorizontalM}`,
  },
  checkButton: { width: "100%", minHeight: "40px", fontSize: tokens.fontSizeBase400 },
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  summary: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  counts: { display: "flex", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  count: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  countNumber: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  verdict: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightSemibold,
  },
  verdictOk: { color: tokens.colorPaletteGreenForeground1 },
  verdictBad: { color: tokens.colorPaletteRedForeground1 },
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
  list: { flexGrow: 1, minHeight: "120px", borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  group: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  groupToggle: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    flexGrow: 1,
    minWidth: 0,
    border: "none",
    background: "none",
    padding: `${tokens.spacingVerticalXS} 0`,
    cursor: "pointer",
    color: tokens.colorNeutralForeground1,
    textAlign: "left",
    font: "inherit",
  },
  groupTitle: {
    fontWeight: tokens.fontWeightSemibold,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  groupSub: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  groupText: { display: "flex", flexDirection: "column", minWidth: 0 },
  item: { borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  itemCurrent: {
    backgroundColor: tokens.colorBrandBackground2,
    boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}`,
  },
  itemMain: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    width: "100%",
    border: "none",
    background: "none",
    textAlign: "left",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    cursor: "pointer",
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
  },
  itemIcon: { marginTop: "2px" },
  itemText: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0 },
  message: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, overflowWrap: "anywhere" },
  meta: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  actions: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS} 36px`,
  },
  actionRow: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  empty: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM },
  problems: {
    margin: 0,
    paddingLeft: "1.2em",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  ok: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, padding: tokens.spacingHorizontalM },
});

type Row =
  { kind: "group"; group: FindingGroup; collapsed: boolean } | { kind: "item"; finding: Finding; group: FindingGroup };

export interface CheckViewProps {
  readonly assistant: Assistant;
  readonly state: AssistantState;
}

export function CheckView({ assistant, state }: CheckViewProps): React.JSX.Element {
  const s = useStyles();
  const [groupBy, setGroupBy] = React.useState<GroupBy>("rule");
  const [collapsed, setCollapsed] = React.useState<ReadonlySet<string>>(() => new Set());
  const list = React.useRef<VirtualListHandle>(null);
  const result = state.result;
  const findings = result?.findings ?? [];
  const groups = React.useMemo(() => groupFindings(findings, groupBy), [findings, groupBy]);
  const order = React.useMemo(() => displayOrder(groups), [groups]);
  const sheetOrder = React.useMemo(() => result?.parse.sheets.map((x) => x.sheet) ?? [], [result]);
  const rows = React.useMemo(() => {
    const out: Row[] = [];
    for (const g of groups) {
      const c = collapsed.has(g.key);
      out.push({ kind: "group", group: g, collapsed: c });
      if (!c) for (const f of g.findings) out.push({ kind: "item", finding: f, group: g });
    }
    return out;
  }, [groups, collapsed]);
  const busy = state.running || state.busy !== null;

  // keep the current finding in view (clicked, navigated to); when it becomes current, open its
  // group if that was collapsed (later the user may collapse it again)
  const current = state.current;
  const opened = React.useRef<string | null>(null);
  React.useEffect(() => {
    if (!current) return;
    if (opened.current !== current) {
      opened.current = current;
      const g = groups.find((x) => x.findings.some((f) => f.fingerprint === current));
      if (g && collapsed.has(g.key)) {
        setCollapsed((prev) => {
          const next = new Set(prev);
          next.delete(g.key);
          return next;
        });
        return;
      }
    }
    const index = rows.findIndex((r) => r.kind === "item" && r.finding.fingerprint === current);
    if (index >= 0) list.current?.scrollToIndex(index);
  }, [current, rows, groups, collapsed]);

  const toggle = React.useCallback((key: string) => {
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }, []);

  const allCollapsed = groups.length > 0 && groups.every((g) => collapsed.has(g.key));

  const renderRow = (row: Row, index: number): React.ReactNode => {
    if (row.kind === "group")
      return (
        <GroupHeader group={row.group} collapsed={row.collapsed} onToggle={toggle} assistant={assistant} busy={busy} />
      );
    return (
      <FindingItem
        finding={row.finding}
        index={index}
        order={order}
        current={row.finding.fingerprint === current}
        assistant={assistant}
        busy={busy}
        groupBy={groupBy}
      />
    );
  };

  return (
    <section className={s.root} aria-label="校验">
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
        {result && !state.running && <Summary state={state} />}
        {result && result.summary.tables > 0 && (
          <div className={s.toolbars}>
            <div className={s.toolbar} role="toolbar" aria-label="分组">
              <ToggleButton
                size="small"
                checked={groupBy === "rule"}
                onClick={() => setGroupBy("rule")}
                aria-label="按规则分组"
              >
                按规则
              </ToggleButton>
              <ToggleButton
                size="small"
                checked={groupBy === "table"}
                onClick={() => setGroupBy("table")}
                aria-label="按工作表分组"
              >
                按工作表
              </ToggleButton>
              <Button
                size="small"
                appearance="subtle"
                disabled={groups.length === 0}
                onClick={() => setCollapsed(allCollapsed ? new Set() : new Set(groups.map((g) => g.key)))}
                aria-label={allCollapsed ? "全部展开" : "全部折叠"}
              >
                {allCollapsed ? "全部展开" : "全部折叠"}
              </Button>
            </div>
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
          </div>
        )}
      </div>
      {!result && !state.running && (
        <div className={s.empty}>
          <Body1>
            点击“一键校验”，检查工作簿中全部的绩效目标表（部门整体支出表、项目表），找出审核时常被退回的问题，并在单元格上标出。
          </Body1>
          <Caption1 className={s.muted}>
            校验只读取表格、添加标记，不改动单元格内容；修复和插入都需要您点击确认，可用 Excel 的撤销恢复。
          </Caption1>
        </div>
      )}
      {result && result.summary.tables === 0 && !state.running && <NoTables problems={result.problems} />}
      {result && result.summary.tables > 0 && !state.running && <Unread problems={result.problems} />}
      {result && result.summary.tables > 0 && findings.length === 0 && !state.running && (
        <div className={s.ok} role="status">
          <CheckmarkCircle20Filled className={s.verdictOk} aria-hidden />
          <Body1>未发现问题{result.summary.ignored ? `（另有 ${result.summary.ignored} 条已忽略）` : ""}。</Body1>
        </div>
      )}
      {findings.length > 0 && (
        <VirtualList
          ref={list}
          className={s.list}
          items={rows}
          role="list"
          aria-label={`问题列表，共 ${findings.length} 条`}
          data-testid="findings"
          getKey={rowKey}
          estimateHeight={estimateRow}
          renderItem={renderRow}
        />
      )}
    </section>
  );
}

function rowKey(row: Row): string {
  return row.kind === "group" ? row.group.key : `${row.group.key}|${row.finding.fingerprint}`;
}

function estimateRow(row: Row): number {
  return row.kind === "group" ? 44 : 62;
}

function CheckProgress(props: { done: number; total: number }): React.JSX.Element {
  const s = useStyles();
  const text = props.total > 0 ? `正在读取工作表 ${props.done}/${props.total}` : "正在读取工作表…";
  return (
    <div className={s.progress} role="status" aria-live="polite">
      <ProgressBar value={props.total > 0 ? props.done / props.total : undefined} aria-label={text} />
      <Caption1>{text}</Caption1>
    </div>
  );
}

function Summary({ state }: { state: AssistantState }): React.JSX.Element {
  const s = useStyles();
  const sum = state.result!.summary;
  const ok = sum.error === 0;
  return (
    <div className={s.summary} role="status" aria-live="polite" data-testid="summary">
      <div className={s.counts}>
        {SEVERITIES.map((sev) => (
          <span key={sev} className={s.count} data-testid={`count-${sev}`}>
            <SeverityIcon severity={sev} label={false} />
            <span>{SEVERITY_LABEL[sev]}</span>
            <span className={s.countNumber}>{sum[sev]}</span>
          </span>
        ))}
      </div>
      {sum.tables > 0 && (
        <div className={mergeClasses(s.verdict, ok ? s.verdictOk : s.verdictBad)} data-testid="verdict">
          {ok ? <CheckmarkCircle20Filled aria-hidden /> : <DismissCircle20Filled aria-hidden />}
          <span>{sum.verdict}</span>
        </div>
      )}
      <Caption1 className={s.muted}>
        {`共 ${sum.tables} 张表、${sum.indicators} 条指标`}
        {sum.ignored ? `；已忽略 ${sum.ignored} 条` : ""}
        {state.stale ? "；表格已修改，正在等待重新校验" : ""}
      </Caption1>
    </div>
  );
}

function NoTables({ problems }: { problems: readonly ParseProblem[] }): React.JSX.Element {
  const s = useStyles();
  return (
    <div className={s.empty} role="status" data-testid="no-tables">
      <Text weight="semibold">没有找到绩效目标表</Text>
      <Body1>本助手按表头识别绩效目标表：需要有“一级指标”“二级指标”“三级指标”“指标值”等列。</Body1>
      {problems.length > 0 && (
        <>
          <Body1>各工作表的情况：</Body1>
          <ProblemList problems={problems} />
        </>
      )}
      <Body1>
        可以这样做：打开含有绩效目标表的工作簿；确认表头写在同一行；如果表头是图片或文本框，请改为单元格文字。然后再点“一键校验”。
      </Body1>
    </div>
  );
}

/** Parts of the workbook that look like tables but could not be read: said, not guessed at. */
function Unread({ problems }: { problems: readonly ParseProblem[] }): React.JSX.Element | null {
  const s = useStyles();
  const shown = problems.filter((p) => p.scope !== "sheet");
  if (shown.length === 0) return null;
  return (
    <div className={s.empty} role="status" data-testid="parse-problems">
      <Text weight="semibold">以下部分未能识别，未作校验：</Text>
      <ProblemList problems={shown} />
    </div>
  );
}

function ProblemList({ problems }: { problems: readonly ParseProblem[] }): React.JSX.Element {
  const s = useStyles();
  return (
    <ul className={s.problems}>
      {problems.slice(0, 50).map((p, i) => (
        <li key={i}>
          <Caption1>
            {p.cell ? cellLabel(p.sheet, p.cell) : p.sheet}：{p.message}
          </Caption1>
        </li>
      ))}
    </ul>
  );
}

const GroupHeader = React.memo(function GroupHeader(props: {
  group: FindingGroup;
  collapsed: boolean;
  onToggle: (key: string) => void;
  assistant: Assistant;
  busy: boolean;
}): React.JSX.Element {
  const s = useStyles();
  const f = useFocusStyles();
  const g = props.group;
  const n = g.findings.length;
  return (
    <div className={s.group}>
      <button
        type="button"
        className={mergeClasses(s.groupToggle, f.focus)}
        aria-expanded={!props.collapsed}
        aria-label={`${g.title}${g.subtitle ? `（${g.subtitle}）` : ""}，${n} 条，${props.collapsed ? "已折叠" : "已展开"}`}
        onClick={() => props.onToggle(g.key)}
      >
        {props.collapsed ? <ChevronRight16Regular aria-hidden /> : <ChevronDown16Regular aria-hidden />}
        <SeverityIcon severity={g.severity} label={false} />
        <span className={s.groupText}>
          <span className={s.groupTitle}>{g.title}</span>
          {g.subtitle && <span className={s.groupSub}>{g.subtitle}</span>}
        </span>
        <CounterBadge count={n} overflowCount={9999} size="small" appearance="filled" color="informative" aria-hidden />
      </button>
      {g.autoFixable && g.ruleId && (
        <Button
          size="small"
          appearance="subtle"
          icon={<Wrench16Regular />}
          disabled={props.busy}
          onClick={() => void props.assistant.fixAll(g.ruleId!)}
          aria-label={`全部修复“${g.title}”（${n} 处，安全修复）`}
        >
          全部修复
        </Button>
      )}
    </div>
  );
});

const FindingItem = React.memo(function FindingItem(props: {
  finding: Finding;
  index: number;
  order: readonly Finding[];
  current: boolean;
  assistant: Assistant;
  busy: boolean;
  groupBy: GroupBy;
}): React.JSX.Element {
  const s = useStyles();
  const fo = useFocusStyles();
  const { finding: f, assistant } = props;
  const where = cellLabel(f.sheet, f.cell);
  const ruleTitle = assistantRuleTitle(f.rule);
  const meta = [f.indicator ? `指标：${f.indicator}` : null, props.groupBy === "table" ? ruleTitle : null, where]
    .filter(Boolean)
    .join(" · ");
  return (
    <div
      role="listitem"
      className={mergeClasses(s.item, props.current && s.itemCurrent)}
      data-fingerprint={f.fingerprint}
      data-rule={f.rule}
      data-cell={where}
    >
      <button
        type="button"
        className={mergeClasses(s.itemMain, fo.focus)}
        aria-current={props.current ? "true" : undefined}
        aria-label={`${SEVERITY_LABEL[f.severity]}：${f.message}（${where}）`}
        onClick={() => void assistant.goTo(f, props.order.indexOf(f))}
      >
        <SeverityIcon severity={f.severity} className={s.itemIcon} />
        <span className={s.itemText}>
          <span className={s.message}>{f.message}</span>
          <span className={s.meta}>{meta}</span>
        </span>
      </button>
      {props.current && (
        <div className={s.actions}>
          {f.fix && (
            <FixForm
              key={f.fingerprint}
              finding={f}
              disabled={props.busy}
              onApply={(values) => void assistant.applyFix(f, values)}
            />
          )}
          <div className={s.actionRow}>
            <Button
              size="small"
              appearance="subtle"
              icon={<EyeOff16Regular />}
              disabled={props.busy}
              onClick={() => void assistant.ignore(f)}
              aria-label={`忽略这条问题（${where}）`}
            >
              忽略
            </Button>
            <Button
              size="small"
              appearance="subtle"
              icon={<Prohibited16Regular />}
              disabled={props.busy}
              onClick={() => void assistant.disableRule(f.rule)}
              aria-label={`关闭规则“${ruleTitle}”`}
            >
              关闭此规则
            </Button>
          </div>
        </div>
      )}
    </div>
  );
});

function assistantRuleTitle(id: string): string {
  return ruleById(id)?.meta.title ?? id;
}
