/**
 * The budget figures of a header block: the stated total (预算资金 / 资金总额 / 年度资金总额) and its
 * parts (财政拨款 + 其他资金, 基本支出 + 项目支出), each amount with its own unit — from its label
 * ("预算资金（万元）"), its group ("资金情况（万元）"), the amount itself ("4753.66万元", "250万"), or
 * a unit stated anywhere in the header area ("单位：万元").
 */
import type { Budget, BudgetPart, HeaderField, MoneyUnit } from "../model";
import { clean } from "../text";
import { moneyUnitIn } from "../vocabulary/fields";
import type { SheetReader } from "./reader";

const PART_KEYS = new Set(["财政拨款", "其他资金", "基本支出", "项目支出"]);
const TOTAL_KEY = "预算资金";

export interface Amount {
  readonly amount: number;
  readonly unit: MoneyUnit | null;
}

const UNITS: Readonly<Record<string, MoneyUnit>> = {
  元: "元",
  万元: "万元",
  万: "万元",
  亿元: "亿元",
  亿: "亿元",
};

/** "2,850,000" → 2850000; "4753.66万元", "250万", "854万（其中…）", "资金总额：250" → the amount and its unit; else null. */
export function parseAmount(text: string): Amount | null {
  let t = clean(text)
    .replace(/^[^\d:：]{1,16}[:：]\s*/, "")
    .replace(/[（(][^()（）]*[)）]$/, "")
    .replace(/\s/g, "");
  t = t.replace(/^[¥￥]/, "");
  const m = /^(-?\d+(?:[,，]\d{3})*(?:\.\d+)?)(亿元|万元|元|亿|万)?$/.exec(t);
  if (!m) return null;
  const amount = Number(m[1].replace(/[,，]/g, ""));
  return Number.isFinite(amount) ? { amount, unit: m[2] ? UNITS[m[2]] : null } : null;
}

export function amountOf(text: string): number | null {
  return parseAmount(text)?.amount ?? null;
}

/** A numbered item ("一、预算资金：250", "（二）自有资金") listed under a total is one of its parts. */
function isNumbered(f: HeaderField): boolean {
  const text = f.label ?? f.value;
  return /^\s*(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．])/.test(text);
}

function part(f: HeaderField): BudgetPart {
  const parsed = parseAmount(f.value);
  const key = f.key === TOTAL_KEY ? "财政拨款" : f.key;
  return {
    key,
    label: f.label ?? f.key,
    amount: parsed?.amount ?? null,
    unit: f.unit ?? parsed?.unit ?? null,
    cell: f.valueCell,
  };
}

/** The unit stated anywhere in the header area ("单位：万元", "预算金额(万元)"). */
function areaUnit(reader: SheetReader, from: number, to: number): MoneyUnit | null {
  for (let r = from; r <= to; r++) {
    for (const c of reader.rowCells(r)) {
      const unit = c.text.length <= 20 ? moneyUnitIn(c.text) : null;
      if (unit) return unit;
    }
  }
  return null;
}

export function budgetOf(fields: readonly HeaderField[], reader: SheetReader, from: number, to: number): Budget | null {
  const totalIndex = fields.findIndex((f) => f.key === TOTAL_KEY);
  const total = totalIndex >= 0 ? fields[totalIndex] : undefined;
  let parts = fields
    .filter((f, k) => PART_KEYS.has(f.key) || (f.key === TOTAL_KEY && k > totalIndex && isNumbered(f)))
    .map(part);
  if (!total && parts.length === 0) return null;
  const parsed = total ? parseAmount(total.value) : null;
  const unit = total?.unit ?? parsed?.unit ?? parts.find((p) => p.unit)?.unit ?? areaUnit(reader, from, to);
  // a single "其中" figure is a share of the total, not a breakdown of it
  if (parts.length < 2) parts = [];
  return {
    amount: parsed?.amount ?? null,
    unit,
    cell: total?.valueCell ?? null,
    label: total?.label ?? null,
    parts,
  };
}
