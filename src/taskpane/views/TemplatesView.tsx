/**
 * 模板: search the standard indicator templates (Chinese, pinyin, initials), browse them by
 * 一级/二级, preview the row each becomes, fill its placeholders, 插入 it into the table the user
 * is in; import and export the user's own templates (JSON, kept in the workbook's settings).
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
  mergeClasses,
  SearchBox,
  Select,
  Text,
  tokens,
} from "@fluentui/react-components";
import {
  Add16Regular,
  ArrowDownload16Regular,
  ArrowLeft16Regular,
  ArrowClockwise16Regular,
  ArrowUpload16Regular,
  ChevronDown16Regular,
  ChevronRight16Regular,
  Delete16Regular,
} from "@fluentui/react-icons";
import type { Level1Name, Level2Name, TargetTable } from "../../core/model";
import { fillTemplate, validatePlaceholderValues } from "../../core/templates/fill";
import { TEMPLATES } from "../../core/templates/library";
import { getTemplates } from "../../core/templates/registry";
import { searchTemplates } from "../../core/templates/search";
import type { IndicatorTemplate } from "../../core/templates/types";
import { LEVEL1_ORDER, LEVEL2_ORDER } from "../../core/vocabulary";
import type { CellRef } from "../../core/port";
import type { Assistant } from "../assistant";
import { insertionTarget, selectedBlockRow } from "../insertion";
import type { AssistantState } from "../state";
import { dateStamp, downloadText, readFileText } from "../files";
import { ensurePinyin } from "../pinyin";
import { FilePicker, useFocusStyles } from "../ui";
import { VirtualList } from "../VirtualList";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: 0, flexGrow: 1, gap: tokens.spacingVerticalS },
  pad: {
    padding: `0 ${tokens.spacingHorizontalM}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  spacer: { flexGrow: 1 },
  rowTight: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center", minWidth: 0 },
  grow: {
    flexGrow: 1,
    flexBasis: 0,
    minWidth: 0,
    "& select": { minWidth: 0, width: "100%", textOverflow: "ellipsis" },
  },
  muted: { color: tokens.colorNeutralForeground3 },
  categories: { display: "flex", flexDirection: "column", gap: "2px", margin: 0, padding: 0, listStyle: "none" },
  sub: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    margin: 0,
    padding: `0 0 0 ${tokens.spacingHorizontalXL}`,
    listStyle: "none",
  },
  cat: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    width: "100%",
    border: "none",
    background: "none",
    padding: `3px ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusMedium,
    cursor: "pointer",
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    textAlign: "left",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
  },
  catSelected: { backgroundColor: tokens.colorBrandBackground2, fontWeight: tokens.fontWeightSemibold },
  catCount: { marginLeft: "auto", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  chevron: { width: "16px", display: "inline-flex" },
  list: { flexGrow: 1, minHeight: "120px", borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    width: "100%",
    border: "none",
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    background: "none",
    textAlign: "left",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    cursor: "pointer",
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
  },
  itemHead: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "baseline", minWidth: 0 },
  itemName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  itemValue: { color: tokens.colorBrandForeground1, whiteSpace: "nowrap" },
  itemExplain: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  detail: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalL}`,
    overflowY: "auto",
    minHeight: 0,
    flexGrow: 1,
  },
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

type Filter = { level1: Level1Name | null; level2: Level2Name | null };

function levelCounts(list: readonly IndicatorTemplate[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of list) {
    m.set(t.level1, (m.get(t.level1) ?? 0) + 1);
    m.set(`${t.level1}/${t.level2}`, (m.get(`${t.level1}/${t.level2}`) ?? 0) + 1);
  }
  return m;
}

export interface TemplatesViewProps {
  readonly assistant: Assistant;
  readonly state: AssistantState;
}

export function TemplatesView({ assistant, state }: TemplatesViewProps): React.JSX.Element {
  const s = useStyles();
  const [query, setQuery] = React.useState("");
  const [filter, setFilter] = React.useState<Filter>({ level1: null, level2: null });
  const [selectedId, setSelectedId] = React.useState<string | null>(null);
  const [pinyinVersion, setPinyinVersion] = React.useState(0);
  const [showCategories, setShowCategories] = React.useState(false);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const userTemplates = state.settings.userTemplates;

  React.useEffect(() => {
    let live = true;
    void ensurePinyin().then((ok) => live && ok && setPinyinVersion((v) => v + 1));
    return () => {
      live = false;
    };
  }, []);

  // the library plus the user's (valid) templates, as registered by the assistant
  const all = React.useMemo(() => getTemplates(), [userTemplates]);
  const userIds = React.useMemo(() => new Set(all.filter((t) => !TEMPLATES.includes(t)).map((t) => t.id)), [all]);
  const counts = React.useMemo(() => levelCounts(all), [all]);
  const results = React.useMemo(
    () => searchTemplates(query, { templates: all, level1: filter.level1, level2: filter.level2 }),
    // pinyinVersion: user templates become findable by pinyin once pinyin-pro has loaded
    [query, all, filter, pinyinVersion]
  );
  const selected = selectedId ? (all.find((t) => t.id === selectedId) ?? null) : null;

  const exportFile = () => {
    const json = assistant.exportTemplates();
    downloadText(json, `绩效目标表助手-自定义模板-${dateStamp()}.json`);
  };

  const filterLabel = filter.level2
    ? `${filter.level1}指标 › ${filter.level2}指标`
    : filter.level1
      ? `${filter.level1}指标`
      : "全部模板";

  if (selected) {
    return (
      <section className={s.root} aria-label="模板">
        <TemplateDetail
          key={selected.id}
          template={selected}
          isUser={userIds.has(selected.id)}
          assistant={assistant}
          state={state}
          onBack={() => setSelectedId(null)}
        />
      </section>
    );
  }

  return (
    <section className={s.root} aria-label="模板">
      <div className={s.pad}>
        <SearchBox
          value={query}
          onChange={(_e, d) => setQuery(d.value)}
          placeholder="搜索：中文、拼音或首字母，如 myd"
          aria-label="搜索模板（中文、拼音或拼音首字母）"
        />
        <div className={s.row}>
          <Button
            size="small"
            appearance="subtle"
            icon={showCategories ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
            aria-expanded={showCategories}
            aria-controls="template-categories"
            onClick={() => setShowCategories((v) => !v)}
            aria-label={`分类：${filterLabel}（点击${showCategories ? "收起" : "展开"}分类）`}
          >
            分类：{filterLabel}
          </Button>
          <span className={s.spacer} />
          <Caption1 className={s.muted} aria-live="polite">
            {results.length} 个模板
          </Caption1>
        </div>
        {showCategories && (
          <CategoryTree
            id="template-categories"
            counts={counts}
            total={all.length}
            filter={filter}
            onChange={setFilter}
          />
        )}
        <div className={s.row}>
          <Button
            size="small"
            icon={<ArrowUpload16Regular />}
            onClick={() => fileInput.current?.click()}
            aria-label="导入自定义模板（JSON 文件）"
          >
            导入模板
          </Button>
          <Button
            size="small"
            icon={<ArrowDownload16Regular />}
            disabled={userTemplates.length === 0}
            onClick={exportFile}
            aria-label="导出自定义模板（JSON 文件）"
          >
            导出我的模板
          </Button>
          <Caption1 className={s.muted}>自定义模板 {userTemplates.length} 个</Caption1>
          <FilePicker
            ref={fileInput}
            accept=".json,application/json"
            label="选择模板 JSON 文件"
            onFile={(file) => void readFileText(file).then((text) => assistant.importTemplates(text))}
          />
        </div>
      </div>
      {results.length === 0 ? (
        <Body1 className={s.pad}>
          没有找到匹配的模板。换个关键词（如“满意度”“myd”“培训”），或在分类中选择“全部模板”。
        </Body1>
      ) : (
        <VirtualList
          className={s.list}
          items={results}
          role="list"
          aria-label={`模板列表，共 ${results.length} 个`}
          data-testid="templates"
          getKey={(r) => r.template.id}
          estimateHeight={() => 70}
          renderItem={(r) => (
            <TemplateItem template={r.template} isUser={userIds.has(r.template.id)} onOpen={setSelectedId} />
          )}
        />
      )}
    </section>
  );
}

function CategoryTree(props: {
  id: string;
  counts: Map<string, number>;
  total: number;
  filter: Filter;
  onChange: (f: Filter) => void;
}): React.JSX.Element {
  const s = useStyles();
  const fo = useFocusStyles();
  const [open, setOpen] = React.useState<ReadonlySet<string>>(
    () => new Set(props.filter.level1 ? [props.filter.level1] : [])
  );
  const level1s = LEVEL1_ORDER.filter((l) => (props.counts.get(l) ?? 0) > 0);
  const isSel = (l1: string | null, l2: string | null) => props.filter.level1 === l1 && props.filter.level2 === l2;
  return (
    <nav id={props.id} aria-label="模板分类（一级/二级指标）">
      <ul className={s.categories}>
        <li>
          <button
            type="button"
            className={mergeClasses(s.cat, fo.focus, isSel(null, null) && s.catSelected)}
            aria-pressed={isSel(null, null)}
            onClick={() => props.onChange({ level1: null, level2: null })}
          >
            <span className={s.chevron} />
            全部模板
            <span className={s.catCount}>{props.total}</span>
          </button>
        </li>
        {level1s.map((l1) => {
          const expanded = open.has(l1);
          const level2s = LEVEL2_ORDER.filter((l2) => (props.counts.get(`${l1}/${l2}`) ?? 0) > 0);
          return (
            <li key={l1}>
              <button
                type="button"
                className={mergeClasses(s.cat, fo.focus, isSel(l1, null) && s.catSelected)}
                aria-expanded={expanded}
                aria-pressed={isSel(l1, null)}
                aria-label={`${l1}指标，${props.counts.get(l1)} 个模板`}
                onClick={() => {
                  props.onChange({ level1: l1, level2: null });
                  setOpen((prev) => {
                    const next = new Set(prev);
                    if (next.has(l1) && isSel(l1, null)) next.delete(l1);
                    else next.add(l1);
                    return next;
                  });
                }}
                onKeyDown={(e) => {
                  if (e.key === "ArrowRight" && !expanded) setOpen((p) => new Set([...p, l1]));
                  if (e.key === "ArrowLeft" && expanded)
                    setOpen((p) => {
                      const n = new Set(p);
                      n.delete(l1);
                      return n;
                    });
                }}
              >
                <span className={s.chevron}>
                  {expanded ? <ChevronDown16Regular aria-hidden /> : <ChevronRight16Regular aria-hidden />}
                </span>
                {l1}指标
                <span className={s.catCount}>{props.counts.get(l1)}</span>
              </button>
              {expanded && (
                <ul className={s.sub}>
                  {level2s.map((l2) => (
                    <li key={l2}>
                      <button
                        type="button"
                        className={mergeClasses(s.cat, fo.focus, isSel(l1, l2) && s.catSelected)}
                        aria-pressed={isSel(l1, l2)}
                        aria-label={`${l1}指标 › ${l2}指标，${props.counts.get(`${l1}/${l2}`)} 个模板`}
                        onClick={() => props.onChange({ level1: l1, level2: l2 })}
                      >
                        {l2}指标
                        <span className={s.catCount}>{props.counts.get(`${l1}/${l2}`)}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

const TemplateItem = React.memo(function TemplateItem(props: {
  template: IndicatorTemplate;
  isUser: boolean;
  onOpen: (id: string) => void;
}): React.JSX.Element {
  const s = useStyles();
  const fo = useFocusStyles();
  const t = props.template;
  const row = React.useMemo(() => fillTemplate(t), [t]);
  return (
    <div role="listitem">
      <button
        type="button"
        className={mergeClasses(s.item, fo.focus)}
        onClick={() => props.onOpen(t.id)}
        aria-label={`${row.name}，${row.value}，${t.level1}指标 › ${t.level2}指标${props.isUser ? "，自定义模板" : ""}`}
        data-template={t.id}
      >
        <span className={s.itemHead}>
          <span className={s.itemName}>{row.name}</span>
          <span className={s.itemValue}>{row.value}</span>
        </span>
        <span className={s.itemExplain}>{row.explanation}</span>
        <Caption1 className={s.muted}>
          {t.level1} › {t.level2} · {props.isUser ? "自定义" : t.family}
        </Caption1>
      </button>
    </div>
  );
});

function tableLabel(t: TargetTable, all: readonly TargetTable[]): string {
  const same = all.filter((x) => x.sheet === t.sheet).length > 1;
  return `${t.sheet}${same ? `（${t.range}）` : ""} · ${t.title ?? (t.kind === "department" ? "部门整体支出绩效目标表" : "项目绩效目标表")}`;
}

function TemplateDetail(props: {
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
  const [tables, setTables] = React.useState<readonly TargetTable[] | null>(null);
  const [selection, setSelection] = React.useState<CellRef | null>(null);
  const [tableId, setTableId] = React.useState<string | null>(null);
  const [locating, setLocating] = React.useState(false);
  const busy = state.running || state.busy !== null;

  const locate = React.useCallback(async () => {
    setLocating(true);
    try {
      const { parse, selection: sel } = await assistant.locate();
      setTables(parse.tables);
      setSelection(sel);
      setTableId(insertionTarget(parse, sel)?.id ?? null);
    } catch {
      setTables([]);
    } finally {
      setLocating(false);
    }
  }, [assistant]);

  React.useEffect(() => {
    void locate();
  }, [locate]);

  const table = tables?.find((x) => x.id === tableId) ?? null;
  const budgetYear = state.settings.budgetYear ?? table?.budgetYear ?? null;
  const row = fillTemplate(t, values, { budgetYear });
  const problems = validatePlaceholderValues(t, values);
  const problemOf = (key: string) => problems.find((p) => p.key === key)?.message ?? null;
  const selRow = table ? selectedBlockRow(table, selection) : undefined;

  const insert = async () => {
    setTried(true);
    if (problems.length) return;
    const done = await assistant.insertTemplate(t, values, { atSelection, tableId });
    if (done) void locate();
  };

  return (
    <div className={s.detail}>
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
          {row.name}
        </Text>
        <Caption1 className={s.muted}>
          {t.level1}指标 › {t.level2}指标 · {props.isUser ? "自定义模板" : `${t.family}`}
        </Caption1>
        {t.note && <Body1 block>{t.note}</Body1>}
      </div>
      <table className={s.preview} aria-label="插入后的行（预览）" data-testid="template-preview">
        <caption style={{ textAlign: "left", paddingBottom: 4 }}>
          <Caption1 className={s.muted}>插入后的行（预览）</Caption1>
        </caption>
        <tbody>
          <tr>
            <th scope="row" className={s.previewTh}>
              一级指标
            </th>
            <td className={s.previewTd}>{row.level1}指标</td>
          </tr>
          <tr>
            <th scope="row" className={s.previewTh}>
              二级指标
            </th>
            <td className={s.previewTd}>{row.level2}指标</td>
          </tr>
          <tr>
            <th scope="row" className={s.previewTh}>
              三级指标
            </th>
            <td className={s.previewTd}>{row.name}</td>
          </tr>
          <tr>
            <th scope="row" className={s.previewTh}>
              指标值
            </th>
            <td className={s.previewTd}>{row.value}</td>
          </tr>
          <tr>
            <th scope="row" className={s.previewTh}>
              指标解释
            </th>
            <td className={s.previewTd}>{row.explanation}</td>
          </tr>
        </tbody>
      </table>
      <form
        className={s.fields}
        aria-label="填写模板"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void insert();
        }}
      >
        {t.placeholders.map((p) => {
          const problem = tried || values[p.key] ? problemOf(p.key) : null;
          return (
            <Field
              key={p.key}
              label={p.label || p.key}
              required={p.default === null}
              hint={p.default !== null ? `不填则为“${p.default}”` : undefined}
              validationState={problem ? "error" : "none"}
              validationMessage={problem ?? undefined}
            >
              {p.type === "choice" ? (
                <Select
                  value={values[p.key] ?? ""}
                  onChange={(_e, d) => setValues((v) => ({ ...v, [p.key]: d.value }))}
                >
                  <option value="">{p.default !== null ? `默认（${p.default}）` : "请选择"}</option>
                  {(p.choices ?? []).map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </Select>
              ) : (
                <Input
                  value={values[p.key] ?? ""}
                  placeholder={p.default ?? ""}
                  inputMode={p.type === "integer" || p.type === "number" ? "decimal" : undefined}
                  onChange={(_e, d) => setValues((v) => ({ ...v, [p.key]: d.value }))}
                />
              )}
            </Field>
          );
        })}
        <Field
          label="插入到"
          hint={
            locating
              ? "正在查找工作簿中的绩效目标表…"
              : tables && tables.length === 0
                ? "工作簿中没有找到绩效目标表。"
                : "默认为选中单元格所在的表。"
          }
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
        <Checkbox
          checked={atSelection}
          onChange={(_e, d) => setAtSelection(!!d.checked)}
          label={selRow !== undefined ? `插入到选中行下方（第 ${selRow} 行）` : "插入到选中行下方（先在表中选中一行）"}
        />
        <div className={s.row}>
          <Button
            type="submit"
            appearance="primary"
            icon={<Add16Regular />}
            disabled={busy || !table}
            aria-label={`插入“${row.name}”`}
          >
            插入
          </Button>
          {props.isUser && (
            <Button
              appearance="subtle"
              icon={<Delete16Regular />}
              disabled={busy}
              onClick={() => {
                void assistant.removeUserTemplate(t.id).then((ok) => ok && props.onBack());
              }}
              aria-label={`删除自定义模板“${row.name}”`}
            >
              删除此模板
            </Button>
          )}
        </div>
        {!atSelection && (
          <Caption1 className={s.muted}>
            不勾选时由助手决定位置：放在“{t.level2}指标”的最后一行之后；表中没有该二级指标时新建。
          </Caption1>
        )}
      </form>
    </div>
  );
}
