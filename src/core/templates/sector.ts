/**
 * The sector (领域) of a table, inferred from what its header says: the unit's name (部门名称,
 * 主管部门, 实施单位, the title) and the project's name and target. A 林业局 table, or a project
 * named 退化林修复, is 林业草原. Search ranks the templates of the preferred sectors first.
 */
import type { TargetTable } from "../model";
import { SECTOR_FILES } from "./library";

/** The sectors every table of a kind draws on, not inferred from names. */
const COMMON_SECTORS = { department: "部门整体运转", project: "项目通用" } as const;

const UNIT_FIELDS = ["部门名称", "主管部门", "实施单位"];
const NAME_FIELDS = ["项目名称"];
const TARGET_FIELDS = ["年度目标", "绩效目标", "长期目标"];

function fieldTexts(table: TargetTable, keys: readonly string[]): string[] {
  return table.headerFields.filter((f) => keys.includes(f.key) && f.value.trim() !== "").map((f) => f.value);
}

/** How much the texts speak for a sector: units named 3 each, words of the project's name 2, of its target 1. */
function scoreOf(
  match: { readonly units: readonly string[]; readonly words: readonly string[] },
  units: readonly string[],
  names: readonly string[],
  targets: readonly string[]
): number {
  const has = (texts: readonly string[], words: readonly string[]) =>
    words.filter((w) => texts.some((t) => t.includes(w))).length;
  return 3 * has(units, match.units) + 2 * has(names, match.words) + Math.min(2, has(targets, match.words));
}

/** The sector a table's header points to, or null when none stands out (a tie, or too little evidence). */
export function inferSector(table: TargetTable): string | null {
  const title = table.title ? [table.title] : [];
  const units = [...fieldTexts(table, UNIT_FIELDS), ...title];
  const names = [...fieldTexts(table, NAME_FIELDS), ...title];
  const targets = fieldTexts(table, TARGET_FIELDS);
  let best: string | null = null;
  let bestScore = 1;
  let tie = false;
  for (const f of SECTOR_FILES) {
    if (f.match.units.length === 0) continue; // the common sectors: by table kind, not by name
    const s = scoreOf(f.match, units, names, targets);
    if (s > bestScore) {
      best = f.sector;
      bestScore = s;
      tie = false;
    } else if (s === bestScore && best) tie = true;
  }
  return tie ? null : best;
}

/** The sectors to rank first for a table, best first: its own (when inferred), then the common set of its kind. */
export function tableSectors(table: TargetTable): string[] {
  const own = inferSector(table);
  const common = table.kind === "department" ? COMMON_SECTORS.department : COMMON_SECTORS.project;
  return own ? [own, common] : [common];
}
