/**
 * 模板: search the standard indicator templates (Chinese, pinyin, initials; the sector of the table
 * the user is in first), filter them by sector, browse them by 一级/二级 (CategoryTree), preview the row each becomes; a template opens in TemplateDetail (fill
 * its placeholders, 插入 it into the table the user is in); import and export the user's own
 * templates (JSON, kept in the workbook's settings).
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  SearchBox,
  Select,
  tokens,
} from "@fluentui/react-components";
import { ChevronDown16Regular, ChevronRight16Regular } from "@fluentui/react-icons";
import { fillTemplate } from "../../core/templates/fill";
import { SECTOR_NAMES, TEMPLATES } from "../../core/templates/library";
import { templatesFor } from "../../core/templates/registry";
import { exportUserTemplates } from "../../core/templates/user";
import { tableSectors } from "../../core/templates/sector";
import type { IndicatorTemplate } from "../../core/templates/types";
import type { Assistant } from "../assistant";
import { dateStamp } from "../files";
import { insertionTarget } from "../insertion";
import { usePinyinSearch } from "../pinyin";
import type { AssistantState } from "../state";
import { JsonFileButton, useFocusStyles, useSharedStyles } from "../ui";
import { VirtualList } from "../VirtualList";
import { CategoryTree, filterLabel, levelCounts, type Filter } from "./CategoryTree";
import { JsonExportButton } from "./JsonExport";
import { TemplateDetail } from "./TemplateDetail";

const useStyles = makeStyles({
  pad: {
    padding: `0 ${tokens.spacingHorizontalM}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  spacer: { flexGrow: 1 },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { flexGrow: 1, minHeight: "120px", borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    width: "100%",
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
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
});

interface TemplatesViewProps {
  readonly assistant: Assistant;
  readonly state: AssistantState;
}

export function TemplatesView({ assistant, state }: TemplatesViewProps): React.JSX.Element {
  const s = useStyles();
  const u = useSharedStyles();
  const [query, setQuery] = React.useState("");
  const [filter, setFilter] = React.useState<Filter>({ level1: null, level2: null });
  const [selectedId, setSelectedId] = React.useState<string | null>(null);
  // kept here: the tree stays open while a template is shown
  const [showCategories, setShowCategories] = React.useState(false);
  const [sector, setSector] = React.useState<string | null>(null);
  const prefer = useTableSectors(assistant);
  const search = usePinyinSearch();
  const all = templatesFor(state.settings.userTemplates);
  const userIds = React.useMemo(() => new Set(all.filter((t) => !TEMPLATES.includes(t)).map((t) => t.id)), [all]);
  const results = React.useMemo(
    () =>
      search(query, { templates: all, level1: filter.level1, level2: filter.level2, sector, preferSectors: prefer }),
    [search, query, all, filter, sector, prefer]
  );
  const selected = selectedId ? (all.find((t) => t.id === selectedId) ?? null) : null;

  if (selected) {
    return (
      <section className={u.view} aria-label="模板">
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
    <section className={u.view} aria-label="模板">
      <div className={s.pad}>
        <SearchBox
          value={query}
          onChange={(_e, d) => setQuery(d.value)}
          placeholder="搜索：中文、拼音或首字母，如 myd"
          aria-label="搜索模板（中文、拼音或拼音首字母）"
        />
        <SectorFilter all={all} sector={sector} onChange={setSector} own={prefer?.[0] ?? null} />
        <Categories
          all={all}
          filter={filter}
          onChange={setFilter}
          found={results.length}
          open={showCategories}
          onToggle={() => setShowCategories((v) => !v)}
        />
        <UserTemplateFiles assistant={assistant} user={state.settings.userTemplates} />
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

/** The sectors of the table the selection is in (ranked first by the search); undefined until known. */
function useTableSectors(assistant: Assistant): readonly string[] | undefined {
  const [prefer, setPrefer] = React.useState<readonly string[] | undefined>(undefined);
  React.useEffect(() => {
    let live = true;
    assistant
      .locate()
      .then(({ parse, selection }) => {
        const table = insertionTarget(parse, selection);
        if (live && table) setPrefer(tableSectors(table));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [assistant]);
  return prefer;
}

/** 领域: all sectors of the library (and of the user's templates); the table's own marked. */
function SectorFilter(props: {
  all: readonly IndicatorTemplate[];
  sector: string | null;
  onChange: (sector: string | null) => void;
  own: string | null;
}): React.JSX.Element {
  const sectors = React.useMemo(() => [...new Set([...SECTOR_NAMES, ...props.all.map((t) => t.sector)])], [props.all]);
  return (
    <Select
      size="small"
      value={props.sector ?? ""}
      onChange={(_e, d) => props.onChange(d.value || null)}
      aria-label="按领域筛选模板"
    >
      <option value="">全部领域</option>
      {sectors.map((x) => (
        <option key={x} value={x}>
          {x}
          {props.own === x ? "（本表所属领域）" : ""}
        </option>
      ))}
    </Select>
  );
}

/** 分类: the button showing the filter, the tree it opens, the number of templates found. */
function Categories(props: {
  all: readonly IndicatorTemplate[];
  filter: Filter;
  onChange: (f: Filter) => void;
  found: number;
  open: boolean;
  onToggle: () => void;
}): React.JSX.Element {
  const s = useStyles();
  const { open } = props;
  const counts = React.useMemo(() => levelCounts(props.all), [props.all]);
  const label = filterLabel(props.filter);
  return (
    <>
      <div className={s.row}>
        <Button
          size="small"
          appearance="subtle"
          icon={open ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
          aria-expanded={open}
          aria-controls="template-categories"
          onClick={props.onToggle}
          aria-label={`分类：${label}（点击${open ? "收起" : "展开"}分类）`}
        >
          分类：{label}
        </Button>
        <span className={s.spacer} />
        <Caption1 className={s.muted} aria-live="polite">
          {props.found} 个模板
        </Caption1>
      </div>
      {open && (
        <CategoryTree
          id="template-categories"
          counts={counts}
          total={props.all.length}
          filter={props.filter}
          onChange={props.onChange}
        />
      )}
    </>
  );
}

/** 导入模板 / 导出我的模板 (JSON files, the format of docs/templates.md). */
function UserTemplateFiles({
  assistant,
  user,
}: {
  assistant: Assistant;
  user: readonly IndicatorTemplate[];
}): React.JSX.Element {
  const count = user.length;
  const s = useStyles();
  return (
    <div className={s.row}>
      <JsonFileButton
        aria-label="导入自定义模板（JSON 文件）"
        pickerLabel="选择模板 JSON 文件"
        onText={(text) => assistant.importTemplates(text)}
        onError={(e) => assistant.fileUnreadable(e)}
      >
        导入模板
      </JsonFileButton>
      <JsonExportButton
        fileName={`绩效目标表助手-自定义模板-${dateStamp()}.json`}
        text={() => exportUserTemplates(user)}
        disabled={count === 0}
        aria-label="导出自定义模板（JSON 文件）"
      >
        导出我的模板
      </JsonExportButton>
      <Caption1 className={s.muted}>自定义模板 {count} 个</Caption1>
    </div>
  );
}

const TemplateItem = React.memo(function TemplateItem(props: {
  template: IndicatorTemplate;
  isUser: boolean;
  onOpen: (id: string) => void;
}): React.JSX.Element {
  const s = useStyles();
  const u = useSharedStyles();
  const fo = useFocusStyles();
  const t = props.template;
  const row = React.useMemo(() => fillTemplate(t), [t]);
  return (
    <div role="listitem">
      <button
        type="button"
        className={mergeClasses(u.plainButton, u.hover, s.item, fo.focus)}
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
          {t.level1} › {t.level2} · {props.isUser ? "自定义" : `${t.sector} · ${t.family}`}
        </Caption1>
      </button>
    </div>
  );
});
