/**
 * One template of the 模板 view: the row it becomes (preview, with the values typed so far), the
 * form for its placeholders (checked as the user types), the table it goes into (the one the
 * selection is in by default) and 插入 (below the selected row when asked); 删除 for a user template.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Select,
  Text,
  tokens,
} from "@fluentui/react-components";
import { Add16Regular, ArrowClockwise16Regular, ArrowLeft16Regular, Delete16Regular } from "@fluentui/react-icons";
import type { TargetTable } from "../../core/model";
import type { CellRef } from "../../core/port";
import { fillTemplate, validatePlaceholderValues, type FilledTemplate } from "../../core/templates/fill";
import { notOfferedReason } from "../../core/templates/plan";
import type { IndicatorTemplate, TemplatePlaceholder } from "../../core/templates/types";
import type { Assistant } from "../assistant";
import { insertionTarget, selectedBlockRow } from "../insertion";
import { errorText, type AssistantState } from "../state";

const useStyles = makeStyles({
  detail: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalL}`,
    overflowY: "auto",
    minHeight: 0,
    flexGrow: 1,
  },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  rowTight: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center", minWidth: 0 },
  grow: {
    flexGrow: 1,
    flexBasis: 0,
    minWidth: 0,
    "& select": { minWidth: 0, width: "100%", textOverflow: "ellipsis" },
  },
  muted: { color: tokens.colorNeutralForeground3 },
  preview: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, tableLayout: "fixed" },
  previewTh: {
    width: "5.5em",
    textAlign: "left",
    verticalAlign: "top",
    padding: "4px 6px",
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  previewTd: {
    padding: "4px 6px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
    verticalAlign: "top",
  },
  fields: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** "项目表（A4:G30） · 标题" for the "插入到" list (the range only when the sheet has several tables). */
function tableLabel(t: TargetTable, all: readonly TargetTable[]): string {
  const same = all.filter((x) => x.sheet === t.sheet).length > 1;
  return `${t.sheet}${same ? `（${t.range}）` : ""} · ${t.title ?? (t.kind === "department" ? "部门整体支出绩效目标表" : "项目绩效目标表")}`;
}

/** The workbook's tables and the selected cell, read again on request (after an insertion, on 重新确定). */
function useInsertTargets(assistant: Assistant) {
  const [tables, setTables] = React.useState<readonly TargetTable[] | null>(null);
  const [selection, setSelection] = React.useState<CellRef | null>(null);
  const [tableId, setTableId] = React.useState<string | null>(null);
  const [locating, setLocating] = React.useState(false);
  /** Why the workbook could not be read (null: it was). */
  const [error, setError] = React.useState<string | null>(null);
  const locate = React.useCallback(async () => {
    setLocating(true);
    try {
      const { parse, selection: sel } = await assistant.locate();
      setTables(parse.tables);
      setSelection(sel);
      setTableId(insertionTarget(parse, sel)?.id ?? null);
      setError(null);
    } catch (e) {
      setTables([]);
      setError(`无法读取工作簿中的表格：${errorText(e)}`);
    } finally {
      setLocating(false);
    }
  }, [assistant]);
  React.useEffect(() => {
    void locate();
  }, [locate]);
  const table = tables?.find((x) => x.id === tableId) ?? null;
  return { tables, selection, table, tableId, setTableId, locating, locate, error };
}

function TemplatePreview({ row }: { row: FilledTemplate }): React.JSX.Element {
  const s = useStyles();
  const cells: Array<[string, string]> = [
    ["一级指标", `${row.level1}指标`],
    ["二级指标", `${row.level2}指标`],
    ["三级指标", row.name],
    ["指标值", row.value],
    ["指标解释", row.explanation],
  ];
  return (
    <table className={s.preview} aria-label="插入后的行（预览）" data-testid="template-preview">
      <caption style={{ textAlign: "left", paddingBottom: 4 }}>
        <Caption1 className={s.muted}>插入后的行（预览）</Caption1>
      </caption>
      <tbody>
        {cells.map(([head, text]) => (
          <tr key={head}>
            <th scope="row" className={s.previewTh}>
              {head}
            </th>
            <td className={s.previewTd}>{text}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PlaceholderField(props: {
  placeholder: TemplatePlaceholder;
  value: string;
  problem: string | null;
  onChange: (value: string) => void;
}): React.JSX.Element {
  const p = props.placeholder;
  return (
    <Field
      label={p.label || p.key}
      required={p.default === null}
      hint={p.default !== null ? `不填则为“${p.default}”` : undefined}
      validationState={props.problem ? "error" : "none"}
      validationMessage={props.problem ?? undefined}
    >
      {p.type === "choice" ? (
        <Select value={props.value} onChange={(_e, d) => props.onChange(d.value)}>
          <option value="">{p.default !== null ? `默认（${p.default}）` : "请选择"}</option>
          {(p.choices ?? []).map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
      ) : (
        <Input
          value={props.value}
          placeholder={p.default ?? ""}
          inputMode={p.type === "integer" || p.type === "number" ? "decimal" : undefined}
          onChange={(_e, d) => props.onChange(d.value)}
        />
      )}
    </Field>
  );
}

function InsertTarget(props: {
  targets: ReturnType<typeof useInsertTargets>;
  /** Why the template cannot go into the chosen table (社会/生态环境成本 without a 成本 一级), or null. */
  notOffered: string | null;
}): React.JSX.Element {
  const s = useStyles();
  const { tables, tableId, setTableId, locating, locate, error } = props.targets;
  const hint = locating
    ? "正在查找工作簿中的绩效目标表…"
    : error
      ? undefined
      : tables && tables.length === 0
        ? "工作簿中没有找到绩效目标表。"
        : "默认为选中单元格所在的表。";
  const problem = locating ? null : error;
  return (
    <Field
      label="插入到"
      hint={hint}
      validationState={problem ? "error" : props.notOffered ? "warning" : "none"}
      validationMessage={problem ?? props.notOffered ?? undefined}
    >
      <div className={s.rowTight}>
        <Select
          value={tableId ?? ""}
          disabled={!tables || tables.length === 0}
          onChange={(_e, d) => setTableId(d.value || null)}
          className={s.grow}
          aria-label="插入到哪张表"
        >
          {(tables ?? []).map((x) => (
            <option key={x.id} value={x.id}>
              {tableLabel(x, tables ?? [])}
            </option>
          ))}
        </Select>
        <Button
          size="small"
          appearance="subtle"
          icon={<ArrowClockwise16Regular />}
          onClick={() => void locate()}
          aria-label="按当前选中的单元格重新确定插入位置"
        />
      </div>
    </Field>
  );
}

/** 返回列表, the template's name (as filled so far), where it belongs and its note. */
function DetailHeader(props: {
  template: IndicatorTemplate;
  name: string;
  isUser: boolean;
  onBack: () => void;
}): React.JSX.Element {
  const s = useStyles();
  const t = props.template;
  return (
    <>
      <div className={s.row}>
        <Button
          size="small"
          appearance="subtle"
          icon={<ArrowLeft16Regular />}
          onClick={props.onBack}
          aria-label="返回模板列表"
        >
          返回列表
        </Button>
      </div>
      <div>
        <Text as="h2" size={400} weight="semibold" block>
          {props.name}
        </Text>
        <Caption1 className={s.muted}>
          {t.level1}指标 › {t.level2}指标 · {props.isUser ? "自定义模板" : `${t.sector} · ${t.family}`}
        </Caption1>
        {t.note && <Body1 block>{t.note}</Body1>}
        <Caption1 block className={s.muted}>
          来源：{t.source}
        </Caption1>
      </div>
    </>
  );
}

/** 插入 (submits the form) and, for a user template, 删除此模板. */
function InsertButtons(props: {
  name: string;
  canInsert: boolean;
  busy: boolean;
  onDelete?: () => void;
}): React.JSX.Element {
  const s = useStyles();
  return (
    <div className={s.row}>
      <Button
        type="submit"
        appearance="primary"
        icon={<Add16Regular />}
        disabled={!props.canInsert}
        aria-label={`插入“${props.name}”`}
      >
        插入
      </Button>
      {props.onDelete && (
        <Button
          appearance="subtle"
          icon={<Delete16Regular />}
          disabled={props.busy}
          onClick={props.onDelete}
          aria-label={`删除自定义模板“${props.name}”`}
        >
          删除此模板
        </Button>
      )}
    </div>
  );
}

export function TemplateDetail(props: {
  template: IndicatorTemplate;
  isUser: boolean;
  assistant: Assistant;
  state: AssistantState;
  onBack: () => void;
}): React.JSX.Element {
  const s = useStyles();
  const { template: t, assistant, state } = props;
  const [values, setValues] = React.useState<Record<string, string>>({});
  const [tried, setTried] = React.useState(false);
  const [atSelection, setAtSelection] = React.useState(false);
  const targets = useInsertTargets(assistant);
  const { table } = targets;
  const busy = state.running || state.busy !== null;
  const row = fillTemplate(t, values, { budgetYear: state.settings.budgetYear ?? table?.budgetYear ?? null });
  const problems = validatePlaceholderValues(t, values);
  const selRow = table ? selectedBlockRow(table, targets.selection) : undefined;
  const notOffered = table ? notOfferedReason(table, t) : null;

  const insert = async () => {
    setTried(true);
    if (problems.length) return;
    const done = await assistant.insertTemplate(t, values, { atSelection, tableId: targets.tableId });
    if (done) void targets.locate();
  };

  return (
    <div className={s.detail}>
      <DetailHeader template={t} name={row.name} isUser={props.isUser} onBack={props.onBack} />
      <TemplatePreview row={row} />
      <form
        className={s.fields}
        aria-label="填写模板"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void insert();
        }}
      >
        {t.placeholders.map((p) => (
          <PlaceholderField
            key={p.key}
            placeholder={p}
            value={values[p.key] ?? ""}
            problem={tried || values[p.key] ? (problems.find((x) => x.key === p.key)?.message ?? null) : null}
            onChange={(v) => setValues((old) => ({ ...old, [p.key]: v }))}
          />
        ))}
        <InsertTarget targets={targets} notOffered={notOffered} />
        <Checkbox
          checked={atSelection}
          onChange={(_e, d) => setAtSelection(!!d.checked)}
          label={selRow !== undefined ? `插入到选中行下方（第 ${selRow} 行）` : "插入到选中行下方（先在表中选中一行）"}
        />
        <InsertButtons
          name={row.name}
          canInsert={!busy && table !== null}
          busy={busy}
          onDelete={
            props.isUser ? () => void assistant.removeUserTemplate(t.id).then((ok) => ok && props.onBack()) : undefined
          }
        />
        {!atSelection && (
          <Caption1 className={s.muted}>
            不勾选时由助手决定位置：放在“{t.level2}指标”的最后一行之后；表中没有该二级指标时新建。
          </Caption1>
        )}
      </form>
    </div>
  );
}
