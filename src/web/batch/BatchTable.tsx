/**
 * The batch's summary table: one row per file with its verdict and counts by severity (the same
 * columns as the HTML report), sortable by any column, filterable to the files that need changes,
 * each row expandable to its findings (sheet!cell, rule, message). The file's name opens it in the
 * single-file view with its marks. Cell text is rendered as text (React escaping).
 */
import * as React from "react";
import { Button, Caption1, makeStyles, Switch, tokens } from "@fluentui/react-components";
import { ChevronDown16Regular, ChevronRight16Regular } from "@fluentui/react-icons";
import { SEVERITY_LABEL } from "../../core/finding";
import { outcomeOf, type ReportedFile } from "../../core/report/result";
import { visible } from "../../core/text";
import { withKey } from "../../taskpane/ui";

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  th: {
    textAlign: "left",
    borderBottom: `2px solid ${tokens.colorNeutralStroke1}`,
    padding: "2px 4px",
    whiteSpace: "nowrap",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  td: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 6px", verticalAlign: "top" },
  n: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  file: { wordBreak: "break-all" },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  pass: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  unknown: { color: tokens.colorPaletteDarkOrangeForeground1 },
  findings: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, listStyle: "none" },
  finding: { padding: "1px 0" },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  toolbar: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
});

type Key = "index" | "file" | "verdict" | "error" | "warning" | "info" | "tables" | "indicators";

const COLUMNS: readonly { key: Key; label: string; numeric: boolean }[] = [
  { key: "index", label: "#", numeric: true },
  { key: "file", label: "文件", numeric: false },
  { key: "verdict", label: "结论", numeric: false },
  { key: "error", label: "错误", numeric: true },
  { key: "warning", label: "警告", numeric: true },
  { key: "info", label: "提示", numeric: true },
  { key: "tables", label: "表格", numeric: true },
  { key: "indicators", label: "指标", numeric: true },
];

function valueOf(r: ReportedFile, key: Key): number | string {
  switch (key) {
    case "index":
      return r.index;
    case "file":
      return r.file;
    case "verdict":
      return r.verdict;
    case "tables":
      return r.tableCount;
    case "indicators":
      return r.indicatorCount;
    default:
      return r.counts[key];
  }
}

/** Needs changes: errors, the file could not be read, or not all of it was checked. */
function needsChanges(r: ReportedFile): boolean {
  const o = outcomeOf(r);
  return o === "failed" || o === "unreadable" || o === "incomplete";
}

function verdictStyle(s: ReturnType<typeof useStyles>, r: ReportedFile): string {
  if (needsChanges(r)) return s.error;
  return outcomeOf(r) === "unrecognised" ? s.unknown : s.pass;
}

function Findings({ r }: { r: ReportedFile }): React.JSX.Element {
  const s = useStyles();
  if (r.readError) return <Caption1 className={s.error}>{visible(r.readError)}</Caption1>;
  return (
    <>
      {r.problems.map((p) => (
        <Caption1 key={p} block>
          {visible(p)}
        </Caption1>
      ))}
      {[...r.incomplete, ...(r.writeError ? [r.writeError] : [])].map((m) => (
        <Caption1 key={m} block className={s.error}>
          {visible(m)}
        </Caption1>
      ))}
      {r.findings.length === 0 && <Caption1>未发现问题。</Caption1>}
      <ul className={s.findings} aria-label={`“${visible(r.file)}”的问题`}>
        {r.findings.map((f, i) => (
          <li key={i} className={s.finding} data-finding={`${f.sheet}!${f.cell}`}>
            <span className={s[f.severity === "info" ? "unknown" : f.severity]}>{SEVERITY_LABEL[f.severity]}</span>{" "}
            <span className={s.mono}>{f.sheet ? `${visible(f.sheet)}!${f.cell}` : "（整个工作簿）"}</span>{" "}
            <span className={s.mono}>[{f.rule}]</span> {visible(f.message)}
          </li>
        ))}
      </ul>
    </>
  );
}

/** A file's row (and its findings when open); memoised, so a batch's new result renders one row. */
const Row = React.memo(function Row(props: {
  r: ReportedFile;
  open: boolean;
  onToggle: (index: number) => void;
  onOpenFile: (r: ReportedFile) => void;
}): React.JSX.Element {
  const s = useStyles();
  const { r } = props;
  return (
    <>
      <tr data-file={r.file}>
        <td className={`${s.td} ${s.n}`}>{r.index + 1}</td>
        <td className={`${s.td} ${s.file}`}>
          <Button
            appearance="transparent"
            size="small"
            icon={props.open ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
            aria-expanded={props.open}
            aria-label={`${props.open ? "收起" : "展开"}“${visible(r.file)}”的问题`}
            onClick={() => props.onToggle(r.index)}
          />
          <Button
            appearance="transparent"
            size="small"
            disabled={r.readError !== null}
            onClick={() => props.onOpenFile(r)}
            aria-label={`打开“${visible(r.file)}”（单个文件视图，带标记）`}
          >
            {visible(r.file)}
          </Button>
        </td>
        <td className={`${s.td} ${verdictStyle(s, r)}`} data-verdict>
          {r.verdict}
        </td>
        <td className={`${s.td} ${s.n}`}>{r.counts.error}</td>
        <td className={`${s.td} ${s.n}`}>{r.counts.warning}</td>
        <td className={`${s.td} ${s.n}`}>{r.counts.info}</td>
        <td className={`${s.td} ${s.n}`}>{r.tableCount}</td>
        <td className={`${s.td} ${s.n}`}>{r.indicatorCount}</td>
      </tr>
      {props.open && (
        <tr>
          <td className={s.td} />
          <td className={s.td} colSpan={7}>
            <Findings r={r} />
          </td>
        </tr>
      )}
    </>
  );
});

export function BatchTable(props: {
  results: readonly ReportedFile[];
  onOpenFile: (r: ReportedFile) => void;
}): React.JSX.Element {
  const s = useStyles();
  const [sort, setSort] = React.useState<{ key: Key; descending: boolean }>({ key: "index", descending: false });
  const [onlyFailing, setOnlyFailing] = React.useState(false);
  const [open, setOpen] = React.useState<ReadonlySet<number>>(new Set());
  const rows = React.useMemo(() => {
    const shown = onlyFailing ? props.results.filter(needsChanges) : [...props.results];
    const dir = sort.descending ? -1 : 1;
    return shown.sort((a, b) => {
      const x = valueOf(a, sort.key);
      const y = valueOf(b, sort.key);
      const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "zh-CN");
      return c * dir || a.index - b.index;
    });
  }, [props.results, sort, onlyFailing]);
  const toggle = React.useCallback((i: number) => setOpen((o) => withKey(o, i, !o.has(i))), []);
  return (
    <>
      <div className={s.toolbar}>
        <Switch
          checked={onlyFailing}
          onChange={(_e, d) => setOnlyFailing(d.checked)}
          label="只看需修改的"
          data-testid="only-failing"
        />
        <Caption1>
          显示 {rows.length} / {props.results.length} 个文件
        </Caption1>
      </div>
      <table className={s.table} data-testid="batch-table">
        <thead>
          <tr>
            {COLUMNS.map((c) => {
              const active = sort.key === c.key;
              return (
                <th
                  key={c.key}
                  className={`${s.th} ${c.numeric ? s.n : ""}`}
                  aria-sort={active ? (sort.descending ? "descending" : "ascending") : "none"}
                >
                  <Button
                    appearance="transparent"
                    size="small"
                    onClick={() =>
                      setSort({ key: c.key, descending: active ? !sort.descending : c.numeric && c.key !== "index" })
                    }
                    aria-label={`按“${c.label}”排序`}
                  >
                    {c.label}
                    {active ? (sort.descending ? " ↓" : " ↑") : ""}
                  </Button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Row
              key={r.index}
              r={r}
              open={open.has(r.index)}
              onToggle={() => toggle(r.index)}
              onOpenFile={props.onOpenFile}
            />
          ))}
        </tbody>
      </table>
    </>
  );
}
