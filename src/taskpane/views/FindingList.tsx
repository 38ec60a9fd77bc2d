/**
 * The findings list of the 校验 view: groups (by rule or by sheet/table) that collapse, each
 * finding with its message, indicator and 工作表!单元格; the current finding shows its quick fix
 * (FixForm), 忽略 and 关闭此规则. Virtualised (VirtualList); the current finding is kept in view.
 */
import * as React from "react";
import { Button, CounterBadge, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import {
  ChevronDown16Regular,
  ChevronRight16Regular,
  EyeOff16Regular,
  Prohibited16Regular,
  Wrench16Regular,
} from "@fluentui/react-icons";
import { SEVERITY_LABEL, type Finding } from "../../core/finding";
import { ruleById } from "../../core/rules";
import type { Assistant } from "../assistant";
import type { FindingGroup, GroupBy } from "../groups";
import { cellLabel } from "../state";
import { SeverityIcon, useFocusStyles, useSharedStyles, withKey } from "../ui";
import { VirtualList, type VirtualListHandle } from "../VirtualList";
import { FixForm } from "./FixForm";

const useStyles = makeStyles({
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
    padding: `${tokens.spacingVerticalXS} 0`,
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
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
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
});

type Row =
  { kind: "group"; group: FindingGroup; collapsed: boolean } | { kind: "item"; finding: Finding; group: FindingGroup };

function rowKey(row: Row): string {
  return row.kind === "group" ? row.group.key : `${row.group.key}|${row.finding.fingerprint}`;
}

function estimateRow(row: Row): number {
  return row.kind === "group" ? 44 : 62;
}

interface FindingListProps {
  readonly groups: readonly FindingGroup[];
  /** Every finding in the order shown (collapsed groups included): for 上一个/下一个 and go-to. */
  readonly order: readonly Finding[];
  readonly groupBy: GroupBy;
  /** The keys of the collapsed groups. */
  readonly collapsed: ReadonlySet<string>;
  readonly setCollapsed: React.Dispatch<React.SetStateAction<ReadonlySet<string>>>;
  /** Fingerprint of the finding the user is on. */
  readonly current: string | null;
  readonly assistant: Assistant;
  readonly busy: boolean;
}

export function FindingList(props: FindingListProps): React.JSX.Element {
  const s = useStyles();
  const { groups, collapsed, setCollapsed, current, assistant, busy } = props;
  const list = React.useRef<VirtualListHandle>(null);
  const rows = React.useMemo(() => {
    const out: Row[] = [];
    for (const g of groups) {
      const c = collapsed.has(g.key);
      out.push({ kind: "group", group: g, collapsed: c });
      if (!c) for (const f of g.findings) out.push({ kind: "item", finding: f, group: g });
    }
    return out;
  }, [groups, collapsed]);

  // bring the current finding into view once when it becomes current (clicked, navigated to), opening
  // its group if that was collapsed (later the user may collapse it again); a re-check or a group
  // toggled afterwards leaves the list where the user scrolled it
  const opened = React.useRef<string | null>(null);
  const unseen = React.useRef<string | null>(null);
  React.useEffect(() => {
    if (!current) return;
    if (opened.current !== current) {
      opened.current = current;
      unseen.current = current;
      const g = groups.find((x) => x.findings.some((f) => f.fingerprint === current));
      if (g && collapsed.has(g.key)) {
        setCollapsed((prev) => withKey(prev, g.key, false));
        return;
      }
    }
    if (unseen.current !== current) return;
    const index = rows.findIndex((r) => r.kind === "item" && r.finding.fingerprint === current);
    if (index < 0) return;
    unseen.current = null;
    list.current?.scrollToIndex(index);
  }, [current, rows, groups, collapsed, setCollapsed]);

  const toggle = React.useCallback(
    (key: string) => setCollapsed((prev) => withKey(prev, key, !prev.has(key))),
    [setCollapsed]
  );

  const renderRow = (row: Row): React.ReactNode =>
    row.kind === "group" ? (
      <GroupHeader group={row.group} collapsed={row.collapsed} onToggle={toggle} assistant={assistant} busy={busy} />
    ) : (
      <FindingItem
        finding={row.finding}
        order={props.order}
        current={row.finding.fingerprint === current}
        assistant={assistant}
        busy={busy}
        groupBy={props.groupBy}
      />
    );

  const count = props.order.length;
  return (
    <VirtualList
      ref={list}
      className={s.list}
      items={rows}
      role="list"
      aria-label={`问题列表，共 ${count} 条`}
      data-testid="findings"
      getKey={rowKey}
      estimateHeight={estimateRow}
      renderItem={renderRow}
    />
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
  const u = useSharedStyles();
  const f = useFocusStyles();
  const g = props.group;
  const n = g.findings.length;
  return (
    <div className={s.group}>
      <button
        type="button"
        className={mergeClasses(u.plainButton, s.groupToggle, f.focus)}
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
  order: readonly Finding[];
  current: boolean;
  assistant: Assistant;
  busy: boolean;
  groupBy: GroupBy;
}): React.JSX.Element {
  const s = useStyles();
  const u = useSharedStyles();
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
        className={mergeClasses(u.plainButton, u.hover, s.itemMain, fo.focus)}
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
