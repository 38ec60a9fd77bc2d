/**
 * Block rows → Indicator objects: the levels they belong to (rows of one group share one LevelRef),
 * the value parsed with the operator and unit columns, weight and other columns.
 */
import { cellAddress } from "../grid";
import type { Indicator, IndicatorLevel1, IndicatorLevel2, IndicatorRowKind, Level1Name } from "../model";
import { LEVEL2_PARENTS, matchLevel1, matchLevel2 } from "../vocabulary/levels";
import type { ColumnLayout } from "./layout";
import type { SheetReader } from "./reader";
import { parseTargetValue } from "./value";

export interface Group {
  text: string;
  cell: string | null;
  firstRow: number;
  lastRow: number;
}

export interface PendingRow {
  row: number;
  kind: IndicatorRowKind;
  g1: Group | null;
  g2: Group | null;
  /** 二级 text taken from the 一级 column (a 二级 name written one column left). */
  l2FromL1: boolean;
  // the parts as primitives (no object per part kept alive until the end; column -1 = none)
  nameText: string;
  nameColumn: number;
  valueText: string;
  valueColumn: number;
  explanationText: string;
  explanationColumn: number;
}

const NO_EXTRAS: Record<string, string> = Object.freeze({}) as Record<string, string>;

class LevelRefs {
  // rows of one group share their LevelRef objects (a group's extent is final by now)
  private readonly level2 = new Map<Group, IndicatorLevel2>();
  private readonly level1 = new Map<Group, Map<Level1Name | null, IndicatorLevel1>>();

  of(p: PendingRow): { level1: IndicatorLevel1; level2: IndicatorLevel2 } {
    const group2 = p.g2 ?? (p.l2FromL1 ? p.g1 : null);
    let level2 = group2 ? this.level2.get(group2) : undefined;
    if (!level2) {
      level2 = {
        text: group2?.text ?? "",
        standard: group2 ? (matchLevel2(group2.text)?.name ?? null) : null,
        cell: group2?.cell ?? null,
        firstRow: group2?.firstRow ?? p.row,
        lastRow: group2?.lastRow ?? p.row,
      };
      if (group2) this.level2.set(group2, level2);
    }
    let standard: Level1Name | null = p.g1 ? (matchLevel1(p.g1.text)?.name ?? null) : null;
    if (!standard && level2.standard) standard = LEVEL2_PARENTS[level2.standard][0];
    let byStandard = p.g1 ? this.level1.get(p.g1) : undefined;
    let level1 = byStandard?.get(standard);
    if (!level1) {
      level1 = {
        text: p.g1?.text ?? "",
        standard,
        cell: p.g1?.cell ?? null,
        firstRow: p.g1?.firstRow ?? p.row,
        lastRow: p.g1?.lastRow ?? p.row,
      };
      if (p.g1) {
        if (!byStandard) this.level1.set(p.g1, (byStandard = new Map()));
        byStandard.set(standard, level1);
      }
    }
    return { level1, level2 };
  }
}

export function buildIndicators(
  reader: SheetReader,
  layout: ColumnLayout,
  pending: readonly PendingRow[]
): Indicator[] {
  const roles = layout.roles;
  const refs = new LevelRefs();
  const otherColumns = layout.columns.filter((c) => c.role === "other" && c.header);
  const at = (row: number, column: number | undefined) => (column !== undefined ? cellAddress(row, column) : null);
  return pending.map((p): Indicator => {
    const { level1, level2 } = refs.of(p);
    const valueColumn = p.valueColumn >= 0 ? p.valueColumn : roles.value;
    const opCol = roles.operator;
    const unitCol = roles.unit;
    const weightCol = roles.weight;
    const operatorText = opCol !== undefined ? reader.own(p.row, opCol) : null;
    const unitText = unitCol !== undefined ? reader.own(p.row, unitCol) : null;
    const value = parseTargetValue(p.valueText, {
      storedAsNumber: valueColumn !== undefined && reader.isNumber(p.row, valueColumn),
      isDate: valueColumn !== undefined && reader.isDate(p.row, valueColumn),
      operatorColumn: operatorText,
      unitColumn: unitText,
    });
    const weightRaw = weightCol !== undefined ? reader.own(p.row, weightCol) : "";
    const weightNumber = weightRaw ? Number(weightRaw.replace(/[%％\s]/g, "")) : NaN;
    let extras: Record<string, string> = NO_EXTRAS;
    for (const col of otherColumns) {
      const t = reader.own(p.row, col.column);
      if (!t) continue;
      if (extras === NO_EXTRAS) extras = {};
      extras[col.header] = t;
    }
    const explanationColumn = p.explanationColumn >= 0 ? p.explanationColumn : roles.explanation;
    return {
      row: p.row,
      rowKind: p.kind,
      level1,
      level2,
      name: p.nameText,
      nameCell: p.nameColumn >= 0 ? cellAddress(p.row, p.nameColumn) : at(p.row, roles.name),
      value,
      valueCell: at(p.row, valueColumn),
      explanation: explanationColumn !== undefined ? p.explanationText : null,
      explanationCell: at(p.row, explanationColumn),
      operatorText,
      operatorCell: at(p.row, opCol),
      unitText,
      unitCell: at(p.row, unitCol),
      weight: Number.isFinite(weightNumber) ? weightNumber : null,
      weightCell: at(p.row, weightCol),
      extras,
    };
  });
}
