/**
 * 设置: rules on/off and their severity (with the rule's title, description and its doc page), the
 * budget year, highlight and notes, the ignored findings (恢复), import/export of the settings file
 * (the format `perf-target --config` reads). Everything is stored in the workbook through the port.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  Link,
  makeStyles,
  Select,
  Switch,
  Text,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowDownload16Regular,
  ArrowReset20Regular,
  ArrowUndo16Regular,
  ArrowUpload16Regular,
  BookOpen16Regular,
  Open16Regular,
} from "@fluentui/react-icons";
import { ruleState } from "../../core/check";
import { SEVERITY_LABEL, type Severity } from "../../core/finding";
import { RULES, ruleById } from "../../core/rules";
import type { RuleCategory } from "../../core/rules/types";
import type { Assistant } from "../assistant";
import type { AssistantState } from "../state";
import { dateStamp, downloadText, readFileText } from "../files";
import { FilePicker } from "../ui";

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
  category: {
    margin: `${tokens.spacingVerticalS} 0 0`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  rule: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  ruleHead: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  ruleTitle: { flexGrow: 1, minWidth: "9em" },
  severity: { minWidth: "7.5em", maxWidth: "10em" },
  muted: { color: tokens.colorNeutralForeground3 },
  links: { display: "flex", gap: tokens.spacingHorizontalM, flexWrap: "wrap", alignItems: "center" },
  doc: {
    maxHeight: "360px",
    overflowY: "auto",
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    "& h3, & h4, & h5": {
      margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`,
      fontSize: tokens.fontSizeBase300,
    },
    "& p, & ul": { margin: `0 0 ${tokens.spacingVerticalS}` },
    "& ul": { paddingLeft: "1.2em" },
    "& pre": {
      whiteSpace: "pre-wrap",
      overflowWrap: "anywhere",
      backgroundColor: tokens.colorNeutralBackground3,
      padding: "4px",
      margin: "4px 0",
    },
    "& table": { borderCollapse: "collapse", fontSize: tokens.fontSizeBase100 },
    "& th, & td": { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 4px", verticalAlign: "top" },
    "& code": { fontFamily: tokens.fontFamilyMonospace },
    "& .table-scroll": { overflowX: "auto" },
  },
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

const CATEGORIES: readonly RuleCategory[] = ["核心检查", "表格完整性", "指标值", "解释与公式", "指标归类", "前后一致"];

export interface SettingsViewProps {
  readonly assistant: Assistant;
  readonly state: AssistantState;
  /**
   * A rule's doc page as HTML, rendered from docs/rules/<id>.md at build time (scripts/rule-docs.js).
   * Default: docs/rules/<id>.html from the add-in's own origin.
   */
  readonly loadDoc?: (id: string) => Promise<string>;
}

export function defaultLoadDoc(id: string): Promise<string> {
  if (!/^[a-z0-9-]+$/.test(id)) return Promise.reject(new Error("无效的规则编号"));
  return fetch(`docs/rules/${id}.html`, { credentials: "same-origin" }).then((r) => {
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return r.text();
  });
}

export function SettingsView({ assistant, state, loadDoc = defaultLoadDoc }: SettingsViewProps): React.JSX.Element {
  const s = useStyles();
  const settings = state.settings;
  const busy = state.busy !== null || state.running;
  const [openDoc, setOpenDoc] = React.useState<string | null>(null);
  const fileInput = React.useRef<HTMLInputElement>(null);

  return (
    <section className={s.root} aria-label="设置">
      <div className={s.section}>
        <h2 className={s.heading}>校验选项</h2>
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
      </div>

      <div className={s.section}>
        <h2 className={s.heading}>规则</h2>
        <Caption1 className={s.muted}>关闭的规则不再检查；可以为每条规则单独设置级别。</Caption1>
        {CATEGORIES.map((cat) => (
          <div key={cat}>
            <h3 className={s.category}>{cat}</h3>
            {RULES.filter((r) => r.meta.category === cat).map((r) => {
              const st = ruleState(settings, r.meta.id);
              return (
                <RuleRow
                  key={r.meta.id}
                  id={r.meta.id}
                  enabled={st.enabled}
                  severity={st.severity}
                  busy={busy}
                  docOpen={openDoc === r.meta.id}
                  onToggleDoc={() => setOpenDoc((d) => (d === r.meta.id ? null : r.meta.id))}
                  onChange={(enabled, severity) =>
                    void assistant.setRule(r.meta.id, { enabled, severity: severity ?? undefined })
                  }
                  loadDoc={loadDoc}
                />
              );
            })}
          </div>
        ))}
      </div>

      <div className={s.section}>
        <h2 className={s.heading}>已忽略的问题（{settings.ignored.length}）</h2>
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
      </div>

      <div className={s.section}>
        <h2 className={s.heading}>导入 / 导出设置</h2>
        <Caption1 className={s.muted}>
          设置保存在工作簿中，随文件一起保存。导出的 JSON 文件也可供命令行使用：perf-target --config 设置.json
        </Caption1>
        <div className={s.row}>
          <Button
            size="small"
            icon={<ArrowDownload16Regular />}
            onClick={() => downloadText(assistant.exportSettings(), `绩效目标表助手-设置-${dateStamp()}.json`)}
            aria-label="导出设置（JSON 文件）"
          >
            导出设置
          </Button>
          <Button
            size="small"
            icon={<ArrowUpload16Regular />}
            disabled={busy}
            onClick={() => fileInput.current?.click()}
            aria-label="导入设置（JSON 文件）"
          >
            导入设置
          </Button>
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
          <FilePicker
            ref={fileInput}
            accept=".json,application/json"
            label="选择设置 JSON 文件"
            onFile={(file) => void readFileText(file).then((text) => assistant.importSettings(text))}
          />
        </div>
      </div>
    </section>
  );
}

function BudgetYear(props: {
  value: number | null;
  disabled: boolean;
  onSave: (year: number | null) => void;
}): React.JSX.Element {
  const [text, setText] = React.useState(props.value === null ? "" : String(props.value));
  React.useEffect(() => setText(props.value === null ? "" : String(props.value)), [props.value]);
  const trimmed = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
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

const RuleRow = React.memo(function RuleRow(props: {
  id: string;
  enabled: boolean;
  severity: Severity | null;
  busy: boolean;
  docOpen: boolean;
  onToggleDoc: () => void;
  onChange: (enabled: boolean, severity: Severity | null) => void;
  loadDoc: (id: string) => Promise<string>;
}): React.JSX.Element {
  const s = useStyles();
  const meta = ruleById(props.id)!.meta;
  const docId = `doc-${props.id}`;
  return (
    <div className={s.rule} data-rule={props.id}>
      <div className={s.ruleHead}>
        <Switch
          className={s.ruleTitle}
          checked={props.enabled}
          disabled={props.busy}
          label={meta.title}
          aria-label={`规则“${meta.title}”：${props.enabled ? "已开启" : "已关闭"}`}
          onChange={(_e, d) => props.onChange(d.checked, props.severity)}
        />
        <Select
          size="small"
          className={s.severity}
          value={props.severity ?? ""}
          disabled={props.busy || !props.enabled}
          aria-label={`“${meta.title}”的级别`}
          onChange={(_e, d) => props.onChange(props.enabled, (d.value || null) as Severity | null)}
        >
          <option value="">默认（{SEVERITY_LABEL[meta.defaultSeverity]}）</option>
          <option value="error">错误</option>
          <option value="warning">警告</option>
          <option value="info">提示</option>
        </Select>
      </div>
      <Caption1 className={s.muted}>{meta.description}</Caption1>
      <div className={s.links}>
        <Button
          size="small"
          appearance="transparent"
          icon={<BookOpen16Regular />}
          aria-expanded={props.docOpen}
          aria-controls={docId}
          onClick={props.onToggleDoc}
          aria-label={`${props.docOpen ? "收起" : "查看"}“${meta.title}”的说明`}
        >
          {props.docOpen ? "收起说明" : "查看说明"}
        </Button>
        <Link
          href={`docs/rules/${props.id}.md`}
          target="_blank"
          rel="noopener"
          aria-label={`在新窗口打开“${meta.title}”的说明文档（${props.id}.md）`}
        >
          <Open16Regular aria-hidden style={{ verticalAlign: "middle" }} /> {props.id}.md
        </Link>
      </div>
      {props.docOpen && <RuleDoc id={props.id} elementId={docId} loadDoc={props.loadDoc} />}
    </div>
  );
});

function RuleDoc(props: {
  id: string;
  elementId: string;
  loadDoc: (id: string) => Promise<string>;
}): React.JSX.Element {
  const s = useStyles();
  // links to other rules' pages open them here, with a way back
  const [shown, setShown] = React.useState(props.id);
  const [doc, setDoc] = React.useState<{ html: string } | { error: string } | null>(null);
  const { loadDoc } = props;
  React.useEffect(() => {
    let live = true;
    setDoc(null);
    loadDoc(shown).then(
      (html) => live && setDoc({ html }),
      (e: unknown) => live && setDoc({ error: e instanceof Error ? e.message : String(e) })
    );
    return () => {
      live = false;
    };
  }, [shown, loadDoc]);
  return (
    <div id={props.elementId} className={s.doc} role="region" aria-label="规则说明" tabIndex={0}>
      {shown !== props.id && (
        <Button size="small" appearance="subtle" onClick={() => setShown(props.id)} aria-label="返回本规则的说明">
          ← 返回
        </Button>
      )}
      {doc === null ? (
        <Text>正在载入说明…</Text>
      ) : "error" in doc ? (
        <Text>无法载入说明文档（{doc.error}）。</Text>
      ) : (
        <div
          // our own rule docs, rendered from docs/rules/*.md at build time (HTML in them escaped);
          // cell text never comes here
          dangerouslySetInnerHTML={{ __html: doc.html }}
          onClick={(e) => {
            const link = (e.target as Element).closest("a[data-rule]");
            if (!link) return;
            e.preventDefault();
            setShown(link.getAttribute("data-rule")!);
          }}
        />
      )}
    </div>
  );
}
