/**
 * The 设置 view's rules: each rule's switch and severity, its description, and its doc page — HTML
 * rendered from docs/rules/<id>.md at build time (scripts/rule-docs.js), shown in place; links to
 * other rules' pages open them there, with a way back.
 */
import * as React from "react";
import { Button, Caption1, Link, makeStyles, Select, Switch, Text, tokens } from "@fluentui/react-components";
import { BookOpen16Regular, Open16Regular } from "@fluentui/react-icons";
import { ruleState } from "../../core/checker";
import { SEVERITY_LABEL, type Severity } from "../../core/finding";
import { SEVERITIES } from "../../core/marks";
import { RULES, ruleById } from "../../core/rules";
import { FIX_LABEL, RULE_CATEGORIES } from "../../core/rules/catalogue";
import type { AddinSettings, RuleSetting } from "../../core/settings";

const useStyles = makeStyles({
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
});

/** A rule's doc page as HTML (default: docs/rules/<id>.html from the add-in's own origin). */
export type LoadDoc = (id: string) => Promise<string>;

export function defaultLoadDoc(id: string): Promise<string> {
  if (!/^[a-z0-9-]+$/.test(id)) return Promise.reject(new Error("无效的规则编号"));
  return fetch(`docs/rules/${id}.html`, { credentials: "same-origin" }).then((r) => {
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return r.text();
  });
}

/** Every rule by category, one doc open at a time. */
export function RuleList(props: {
  settings: AddinSettings;
  busy: boolean;
  onChange: (id: string, setting: RuleSetting) => void;
  loadDoc: LoadDoc;
}): React.JSX.Element {
  const s = useStyles();
  const [openDoc, setOpenDoc] = React.useState<string | null>(null);
  return (
    <>
      {RULE_CATEGORIES.map((cat) => (
        <div key={cat}>
          <h3 className={s.category}>{cat}</h3>
          {RULES.filter((r) => r.meta.category === cat).map((r) => {
            const st = ruleState(props.settings, r.meta.id);
            return (
              <RuleRow
                key={r.meta.id}
                id={r.meta.id}
                enabled={st.enabled}
                severity={st.severity}
                busy={props.busy}
                docOpen={openDoc === r.meta.id}
                onToggleDoc={() => setOpenDoc((d) => (d === r.meta.id ? null : r.meta.id))}
                onChange={(enabled, severity) =>
                  props.onChange(r.meta.id, { enabled, severity: severity ?? undefined })
                }
                loadDoc={props.loadDoc}
              />
            );
          })}
        </div>
      ))}
    </>
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
  loadDoc: LoadDoc;
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
          {SEVERITIES.map((sev) => (
            <option key={sev} value={sev}>
              {SEVERITY_LABEL[sev]}
            </option>
          ))}
        </Select>
      </div>
      <Caption1 className={s.muted}>
        {meta.description} 快速修复：{FIX_LABEL[meta.fix]}
      </Caption1>
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

function RuleDoc(props: { id: string; elementId: string; loadDoc: LoadDoc }): React.JSX.Element {
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
