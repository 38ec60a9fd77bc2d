/**
 * 设置: the check options (budget year, highlight and notes), the rules (RuleSettings.tsx: switch,
 * severity, doc page), the ignored findings (恢复), import/export of the settings file (the format
 * `perf-target --config` reads). Everything is stored in the workbook through the port.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Switch,
  tokens,
} from "@fluentui/react-components";
import { ArrowReset20Regular, ArrowUndo16Regular } from "@fluentui/react-icons";
import { ruleById } from "../../core/rules";
import type { AddinSettings } from "../../core/settings";
import { halfWidthNumber } from "../../core/templates/placeholders";
import type { Assistant } from "../assistant";
import { dateStamp } from "../files";
import type { AssistantState } from "../state";
import { JsonFileButton } from "../ui";
import { JsonExportButton } from "./JsonExport";
import { defaultLoadDoc, RuleList, type LoadDoc } from "./RuleSettings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXL}`,
    overflowY: "auto",
    minHeight: 0,
    flexGrow: 1,
  },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  ignored: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyle: "none",
  },
  ignoredItem: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-start",
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  ignoredText: { flexGrow: 1, minWidth: 0, display: "flex", flexDirection: "column", overflowWrap: "anywhere" },
});

interface SettingsViewProps {
  readonly assistant: Assistant;
  readonly state: AssistantState;
  /**
   * A rule's doc page as HTML, rendered from docs/rules/<id>.md at build time (scripts/rule-docs.js).
   * Default: docs/rules/<id>.html from the add-in's own origin.
   */
  readonly loadDoc?: LoadDoc;
}

interface SectionProps {
  readonly assistant: Assistant;
  readonly settings: AddinSettings;
  readonly busy: boolean;
}

export function SettingsView({ assistant, state, loadDoc = defaultLoadDoc }: SettingsViewProps): React.JSX.Element {
  const s = useStyles();
  const settings = state.settings;
  const busy = state.busy !== null || state.running;
  return (
    <section className={s.root} aria-label="设置">
      {state.settingsWarning && (
        // an .xls workbook (or a failed save): the settings would be lost silently otherwise
        <MessageBar intent="warning" layout="multiline" data-testid="settings-warning">
          <MessageBarBody>{state.settingsWarning}</MessageBarBody>
        </MessageBar>
      )}
      <CheckOptions assistant={assistant} settings={settings} busy={busy} />
      <Section title="规则">
        <Caption1 className={s.muted}>关闭的规则不再检查；可以为每条规则单独设置级别。</Caption1>
        <RuleList
          settings={settings}
          busy={busy}
          onChange={(id, setting) => void assistant.setRule(id, setting)}
          loadDoc={loadDoc}
        />
      </Section>
      <IgnoredFindings assistant={assistant} settings={settings} busy={busy} />
      <SettingsFile assistant={assistant} busy={busy} />
    </section>
  );
}

/** A part of the page under its heading. */
function Section(props: { title: string; children: React.ReactNode }): React.JSX.Element {
  const s = useStyles();
  return (
    <div className={s.section}>
      <h2 className={s.heading}>{props.title}</h2>
      {props.children}
    </div>
  );
}

/** 校验选项: budget year, marks on the cells, notes. */
function CheckOptions({ assistant, settings, busy }: SectionProps): React.JSX.Element {
  return (
    <Section title="校验选项">
      <BudgetYear
        value={settings.budgetYear}
        disabled={busy}
        onSave={(y) =>
          void assistant.updateSettings(
            { budgetYear: y },
            y === null ? "预算年度改为从各表读取。" : `预算年度已设为 ${y} 年。`
          )
        }
      />
      <Switch
        checked={settings.highlight}
        disabled={busy}
        label="在单元格上标记问题（红色＝错误，黄色＝警告，紫色＝提示）"
        onChange={(_e, d) =>
          void assistant.updateSettings(
            { highlight: d.checked },
            d.checked ? "校验时将标记问题单元格。" : "校验时不再标记单元格，已有标记已清除。"
          )
        }
      />
      <Switch
        checked={settings.notes}
        disabled={busy || !settings.highlight}
        label="在批注（备注）中写入问题说明（不覆盖您自己的批注）"
        onChange={(_e, d) => void assistant.updateSettings({ notes: d.checked })}
      />
    </Section>
  );
}

/** 已忽略的问题, each with 恢复, and 全部恢复. */
function IgnoredFindings({ assistant, settings, busy }: SectionProps): React.JSX.Element {
  const s = useStyles();
  return (
    <Section title={`已忽略的问题（${settings.ignored.length}）`}>
      {settings.ignored.length === 0 ? (
        <Caption1 className={s.muted}>没有忽略的问题。在问题列表中点“忽略”的问题会出现在这里，可随时恢复。</Caption1>
      ) : (
        <>
          <ul className={s.ignored} aria-label="已忽略的问题">
            {settings.ignored.map((i) => (
              <li key={i.fingerprint} className={s.ignoredItem}>
                <span className={s.ignoredText}>
                  <Body1>{i.message || i.indicator || i.fingerprint}</Body1>
                  <Caption1 className={s.muted}>
                    {[i.sheet, ruleById(i.rule)?.meta.title ?? i.rule, i.ignoredAt ? `忽略于 ${i.ignoredAt}` : null]
                      .filter(Boolean)
                      .join(" · ")}
                  </Caption1>
                </span>
                <Button
                  size="small"
                  icon={<ArrowUndo16Regular />}
                  disabled={busy}
                  onClick={() => void assistant.restore(i.fingerprint)}
                  aria-label={`恢复：${i.message || i.fingerprint}`}
                >
                  恢复
                </Button>
              </li>
            ))}
          </ul>
          <div className={s.row}>
            <Button
              size="small"
              disabled={busy}
              onClick={() => void assistant.restoreAll()}
              aria-label="恢复全部忽略的问题"
            >
              全部恢复
            </Button>
          </div>
        </>
      )}
    </Section>
  );
}

/** 导入 / 导出设置 (the JSON file `perf-target --config` reads), 恢复默认. */
function SettingsFile({ assistant, busy }: Omit<SectionProps, "settings">): React.JSX.Element {
  const s = useStyles();
  return (
    <Section title="导入 / 导出设置">
      <Caption1 className={s.muted}>
        设置保存在工作簿中，随文件一起保存（.xls 格式除外）。导出的 JSON 文件也可供命令行使用：perf-target --config
        设置.json
      </Caption1>
      <div className={s.row}>
        <JsonExportButton
          fileName={`绩效目标表助手-设置-${dateStamp()}.json`}
          text={() => assistant.exportSettings()}
          aria-label="导出设置（JSON 文件）"
        >
          导出设置
        </JsonExportButton>
        <JsonFileButton
          disabled={busy}
          aria-label="导入设置（JSON 文件）"
          pickerLabel="选择设置 JSON 文件"
          onText={(text) => assistant.importSettings(text)}
          onError={(e) => assistant.fileUnreadable(e)}
        >
          导入设置
        </JsonFileButton>
        <Button
          size="small"
          appearance="subtle"
          icon={<ArrowReset20Regular />}
          disabled={busy}
          onClick={() => void assistant.resetSettings()}
          aria-label="恢复默认设置"
        >
          恢复默认
        </Button>
      </div>
    </Section>
  );
}

/** The budget year field: saved on Enter or when it loses focus, when it is a year (or empty). */
function BudgetYear(props: {
  value: number | null;
  disabled: boolean;
  onSave: (year: number | null) => void;
}): React.JSX.Element {
  const [text, setText] = React.useState(props.value === null ? "" : String(props.value));
  React.useEffect(() => setText(props.value === null ? "" : String(props.value)), [props.value]);
  const trimmed = halfWidthNumber(text);
  const year = trimmed === "" ? null : /^\d{4}$/.test(trimmed) ? Number(trimmed) : NaN;
  const invalid = Number.isNaN(year) || (year !== null && (year < 1990 || year > 2100));
  const commit = () => {
    if (invalid || year === props.value) return;
    props.onSave(year);
  };
  return (
    <Field
      label="预算年度"
      hint="留空则从每张表的标题或表头读取；填写后用于判断年份是否过时。"
      validationState={invalid ? "error" : "none"}
      validationMessage={invalid ? "请填写 1990–2100 之间的四位年份，或留空" : undefined}
    >
      <Input
        value={text}
        inputMode="numeric"
        placeholder="自动（从表中读取）"
        disabled={props.disabled}
        onChange={(_e, d) => setText(d.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
        }}
        style={{ maxWidth: "12em" }}
      />
    </Field>
  );
}
