/** The 模板 view's category tree: 全部模板, then 一级 → 二级 indicators with their template counts. */
import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ChevronDown16Regular, ChevronRight16Regular } from "@fluentui/react-icons";
import type { Level1Name, Level2Name } from "../../core/model";
import type { IndicatorTemplate } from "../../core/templates/types";
import { LEVEL1_ORDER, LEVEL2_ORDER } from "../../core/vocabulary";
import { useFocusStyles, useSharedStyles, withKey } from "../ui";

const useStyles = makeStyles({
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
    padding: `3px ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  catSelected: { backgroundColor: tokens.colorBrandBackground2, fontWeight: tokens.fontWeightSemibold },
  catCount: { marginLeft: "auto", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  chevron: { width: "16px", display: "inline-flex" },
});

/** The templates shown: all, one 一级, or one 一级 › 二级. */
export type Filter = { readonly level1: Level1Name | null; readonly level2: Level2Name | null };

/** Templates per 一级 ("产出") and per 一级/二级 ("产出/数量"). */
export function levelCounts(list: readonly IndicatorTemplate[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of list) {
    m.set(t.level1, (m.get(t.level1) ?? 0) + 1);
    m.set(`${t.level1}/${t.level2}`, (m.get(`${t.level1}/${t.level2}`) ?? 0) + 1);
  }
  return m;
}

/** "产出指标 › 时效指标", "产出指标" or "全部模板". */
export function filterLabel(filter: Filter): string {
  if (filter.level2) return `${filter.level1}指标 › ${filter.level2}指标`;
  return filter.level1 ? `${filter.level1}指标` : "全部模板";
}

interface CategoryButtonProps {
  readonly selected: boolean;
  readonly count: number | undefined;
  readonly label?: string;
  readonly expanded?: boolean;
  readonly chevron?: boolean;
  readonly onClick: () => void;
  readonly onKeyDown?: (e: React.KeyboardEvent) => void;
  readonly children: React.ReactNode;
}

function CategoryButton(props: CategoryButtonProps): React.JSX.Element {
  const s = useStyles();
  const u = useSharedStyles();
  const fo = useFocusStyles();
  return (
    <button
      type="button"
      className={mergeClasses(u.plainButton, u.hover, s.cat, fo.focus, props.selected && s.catSelected)}
      aria-expanded={props.expanded}
      aria-pressed={props.selected}
      aria-label={props.label}
      onClick={props.onClick}
      onKeyDown={props.onKeyDown}
    >
      {props.chevron && (
        <span className={s.chevron}>
          {props.expanded === true && <ChevronDown16Regular aria-hidden />}
          {props.expanded === false && <ChevronRight16Regular aria-hidden />}
        </span>
      )}
      {props.children}
      <span className={s.catCount}>{props.count}</span>
    </button>
  );
}

export function CategoryTree(props: {
  id: string;
  counts: ReadonlyMap<string, number>;
  total: number;
  filter: Filter;
  onChange: (f: Filter) => void;
}): React.JSX.Element {
  const s = useStyles();
  const { counts, filter, onChange } = props;
  const [open, setOpen] = React.useState<ReadonlySet<string>>(() => new Set(filter.level1 ? [filter.level1] : []));
  const isSel = (l1: string | null, l2: string | null) => filter.level1 === l1 && filter.level2 === l2;
  return (
    <nav id={props.id} aria-label="模板分类（一级/二级指标）">
      <ul className={s.categories}>
        <li>
          <CategoryButton
            chevron
            selected={isSel(null, null)}
            count={props.total}
            onClick={() => onChange({ level1: null, level2: null })}
          >
            全部模板
          </CategoryButton>
        </li>
        {LEVEL1_ORDER.filter((l1) => (counts.get(l1) ?? 0) > 0).map((l1) => {
          const expanded = open.has(l1);
          return (
            <li key={l1}>
              <CategoryButton
                chevron
                expanded={expanded}
                selected={isSel(l1, null)}
                count={counts.get(l1)}
                label={`${l1}指标，${counts.get(l1)} 个模板`}
                onClick={() => {
                  onChange({ level1: l1, level2: null });
                  setOpen((prev) => withKey(prev, l1, !(prev.has(l1) && isSel(l1, null))));
                }}
                onKeyDown={(e) => {
                  if (e.key === "ArrowRight" && !expanded) setOpen((p) => withKey(p, l1, true));
                  if (e.key === "ArrowLeft" && expanded) setOpen((p) => withKey(p, l1, false));
                }}
              >
                {l1}指标
              </CategoryButton>
              {expanded && (
                <ul className={s.sub}>
                  {LEVEL2_ORDER.filter((l2) => (counts.get(`${l1}/${l2}`) ?? 0) > 0).map((l2) => (
                    <li key={l2}>
                      <CategoryButton
                        selected={isSel(l1, l2)}
                        count={counts.get(`${l1}/${l2}`)}
                        label={`${l1}指标 › ${l2}指标，${counts.get(`${l1}/${l2}`)} 个模板`}
                        onClick={() => onChange({ level1: l1, level2: l2 })}
                      >
                        {l2}指标
                      </CategoryButton>
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
