/**
 * What the 校验 view says about a check: its progress (sheets read), the summary (counts by
 * severity, the verdict, tables and indicators checked), and why no table was found.
 */
import * as React from "react";
import { Body1, Caption1, makeStyles, mergeClasses, ProgressBar, Text, tokens } from "@fluentui/react-components";
import { CheckmarkCircle20Filled, DismissCircle20Filled } from "@fluentui/react-icons";
import type { CheckResult } from "../../core/check";
import { SEVERITY_LABEL } from "../../core/finding";
import { SEVERITIES } from "../../core/marks";
import type { ParseProblem } from "../../core/model";
import { cellLabel, type AssistantState } from "../state";
import { SeverityIcon } from "../ui";

const useStyles = makeStyles({
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
  empty: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM },
  problems: {
    margin: 0,
    paddingLeft: "1.2em",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
});

export function CheckProgress(props: { done: number; total: number }): React.JSX.Element {
  const s = useStyles();
  const text = props.total > 0 ? `正在读取工作表 ${props.done}/${props.total}` : "正在读取工作表…";
  return (
    <div className={s.progress} role="status" aria-live="polite">
      <ProgressBar value={props.total > 0 ? props.done / props.total : undefined} aria-label={text} />
      <Caption1>{text}</Caption1>
    </div>
  );
}

export function Summary({ state }: { state: AssistantState }): React.JSX.Element {
  const s = useStyles();
  const sum = state.result!.summary;
  const ok = sum.error === 0 && state.result!.ruleFailures.length === 0;
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

/** Rules that threw on a table: said once each; the other findings stand. */
export function RuleFailures({ result }: { result: CheckResult }): React.JSX.Element {
  const s = useStyles();
  return (
    <div role="alert" data-testid="rule-failures">
      <ul className={s.problems}>
        {result.ruleFailures.map((f, i) => (
          <li key={i}>
            <Caption1>{f.message}</Caption1>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function NoTables({ problems }: { problems: readonly ParseProblem[] }): React.JSX.Element {
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
export function Unread({ problems }: { problems: readonly ParseProblem[] }): React.JSX.Element | null {
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
            {p.scope === "sheet" ? p.message : `${p.cell ? cellLabel(p.sheet, p.cell) : p.sheet}：${p.message}`}
          </Caption1>
        </li>
      ))}
    </ul>
  );
}
