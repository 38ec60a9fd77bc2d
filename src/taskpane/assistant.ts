/**
 * The task pane's state and actions, without React: check, quick fixes, ignore, settings,
 * templates, go-to-cell and previous/next. Talks only to a WorkbookPort and the core, so the same
 * controller runs inside Excel (ExcelWorkbook), on the web page (XlsxWorkbook) and in the tests.
 */
import type { CheckResult } from "../core/check";
import type { EditPlan } from "../core/edit-plan";
import type { Finding } from "../core/finding";
import { parseCell } from "../core/grid";
import type { TargetTable, WorkbookParse } from "../core/model";
import { parseWorkbook } from "../core/parse";
import { WorkbookError, type CellRef, type WorkbookErrorCode, type WorkbookPort } from "../core/port";
import { ruleById } from "../core/rules";
import { fillPlan } from "../core/rules/util";
import { normaliseSettings, type AddinSettings, type IgnoredFinding, type RuleSetting } from "../core/settings";
import { placeholderValues } from "../core/templates/fill";
import { TEMPLATES } from "../core/templates/library";
import { planInsertion } from "../core/templates/plan";
import { exportUserTemplates, parseUserTemplates } from "../core/templates/user";
import type { IndicatorTemplate } from "../core/templates/types";
import { DEFAULT_SETTINGS } from "../core/settings";
import { runCheck } from "../core/workflow";

export type NoticeKind = "success" | "info" | "warning" | "error";

export interface Notice {
  readonly kind: NoticeKind;
  readonly text: string;
  /** Extra lines (problems of an import, protected sheets …). */
  readonly details?: readonly string[];
}

export interface AssistantState {
  readonly settings: AddinSettings;
  readonly settingsLoaded: boolean;
  readonly result: CheckResult | null;
  /** A check is running. */
  readonly running: boolean;
  /** Sheets read so far while a check runs. */
  readonly progress: { readonly done: number; readonly total: number } | null;
  /** An edit or a save is under way (its description). */
  readonly busy: string | null;
  /** The last outcome to tell the user (success, error …). */
  readonly notice: Notice | null;
  /** Code of the last WorkbookError, if the notice is one. */
  readonly errorCode: WorkbookErrorCode | null;
  /** Sheets the last check could not mark (protected). */
  readonly skippedSheets: readonly string[];
  readonly checkedAt: Date | null;
  /** The workbook changed since the last check (a re-check is pending). */
  readonly stale: boolean;
  /** Fingerprint of the finding the user is on (clicked, navigated to or fixed). */
  readonly current: string | null;
}

/** Something that reports the user's edits to the workbook (Excel's worksheet change events). */
export type ChangeSource = (listener: () => void) => () => void;

export interface AssistantOptions {
  /** Reports edits made by the user in the sheet: the list re-checks after them (debounced). */
  readonly changes?: ChangeSource;
  /** Debounce of the re-check after an edit, ms (default 1200). */
  readonly debounceMs?: number;
  /** Edits reported this long after our own writes are ours, not the user's (ms, default 1500). */
  readonly selfWriteMs?: number;
}

const INITIAL: AssistantState = {
  settings: DEFAULT_SETTINGS,
  settingsLoaded: false,
  result: null,
  running: false,
  progress: null,
  busy: null,
  notice: null,
  errorCode: null,
  skippedSheets: [],
  checkedAt: null,
  stale: false,
  current: null,
};

/** A Chinese message for any error an action raised. */
export function errorText(e: unknown): string {
  if (e instanceof WorkbookError) {
    if (e.code === "protected") return `${e.message}请在 Excel 的“审阅 → 撤销工作表保护”中取消保护后再试。`;
    if (e.code === "changed") return `${e.message}表格在校验之后被修改过，已重新校验，请再试一次。`;
    return e.message;
  }
  const err = e as { message?: string; code?: string } | null;
  return `出现意外错误：${err?.message ?? String(e)}${err?.code ? `（${err.code}）` : ""}。请重试。`;
}

/** The protected sheets the adapter could not mark (ExcelWorkbook and XlsxWorkbook expose them). */
function skippedOf(port: WorkbookPort): readonly string[] {
  const s = (port as { skippedSheets?: unknown }).skippedSheets;
  return Array.isArray(s) ? (s.filter((x) => typeof x === "string") as string[]) : [];
}

/** The table holding the cell, or null. */
export function tableAt(parse: WorkbookParse, at: CellRef | null): TargetTable | null {
  if (!at) return null;
  let row: number;
  try {
    row = parseCell(at.address).row;
  } catch {
    return null;
  }
  return parse.tables.find((t) => t.sheet === at.sheet && row >= t.top && row <= t.bottom) ?? null;
}

/** Where an insertion goes: the table the selection is in, else the first table on the selected sheet, else the first table. */
export function insertionTarget(
  parse: WorkbookParse,
  selection: CellRef | null,
  tableId?: string | null
): TargetTable | null {
  if (tableId) {
    const t = parse.tables.find((x) => x.id === tableId);
    if (t) return t;
  }
  return tableAt(parse, selection) ?? parse.tables.find((t) => t.sheet === selection?.sheet) ?? parse.tables[0] ?? null;
}

/** The row of the block below which "插入到选中行下方" inserts, or undefined when the selection is not in the block. */
export function selectedBlockRow(table: TargetTable, selection: CellRef | null): number | undefined {
  if (!selection || selection.sheet !== table.sheet) return undefined;
  let row: number;
  try {
    row = parseCell(selection.address).row;
  } catch {
    return undefined;
  }
  const b = table.indicatorBlock;
  return row >= b.firstRow && row <= b.lastRow ? row : undefined;
}

/** "工作表!D12". */
export function cellLabel(sheet: string, address: string): string {
  return `${sheet}!${address}`;
}

/** A finding's fix can run unattended (全部修复): safe and without inputs. */
export function isAutoFix(f: Finding): boolean {
  return !!f.fix && f.fix.safe && f.fix.inputs.length === 0;
}

export interface InsertOutcome {
  readonly table: TargetTable;
  readonly row: number;
  readonly select: CellRef | null;
}

export class Assistant {
  private state: AssistantState = INITIAL;
  private readonly listeners = new Set<() => void>();
  private checking: Promise<CheckResult | null> | null = null;
  private rerun = false;
  private debounce: ReturnType<typeof setTimeout> | null = null;
  private selfWriteUntil = 0;
  private unwatch: (() => void) | null = null;
  /** Index in the displayed order of the finding the user was last on (stable navigation after a fix). */
  private lastIndex = -1;
  private lastCell: CellRef | null = null;
  private disposed = false;
  private checkError: Notice | null = null;

  constructor(
    readonly port: WorkbookPort,
    private readonly options: AssistantOptions = {}
  ) {}

  /* ------------------------------------------------------------ store */

  getState = (): AssistantState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<AssistantState>): void {
    if (this.disposed) return;
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** Loads the workbook's settings, starts watching edits. */
  async start(): Promise<void> {
    try {
      const settings = await this.port.loadSettings();
      this.set({ settings, settingsLoaded: true });
    } catch (e) {
      this.set({
        settingsLoaded: true,
        notice: { kind: "error", text: `无法读取工作簿中的设置，已使用默认设置。${errorText(e)}` },
      });
    }
    if (this.options.changes && !this.unwatch) {
      try {
        this.unwatch = this.options.changes(() => this.workbookChanged());
      } catch {
        this.unwatch = null;
      }
    }
  }

  dispose(): void {
    this.disposed = true;
    this.unwatch?.();
    this.unwatch = null;
    if (this.debounce) clearTimeout(this.debounce);
    this.listeners.clear();
  }

  dismissNotice(): void {
    this.set({ notice: null, errorCode: null });
  }

  /* ------------------------------------------------------------ check */

  /**
   * 一键校验: read, check, mark. A call while a check runs queues one more run. `keepNotice` keeps
   * the message of the action that asked for the re-check (a fix, an insertion).
   */
  check(keepNotice = false): Promise<CheckResult | null> {
    if (!keepNotice && this.state.notice) this.set({ notice: null, errorCode: null });
    if (this.checking) {
      this.rerun = true;
      return this.checking;
    }
    this.checking = this.runChecks().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private async runChecks(): Promise<CheckResult | null> {
    let result: CheckResult | null = null;
    do {
      this.rerun = false;
      result = await this.checkOnce();
    } while (this.rerun && !this.disposed);
    return result;
  }

  private async checkOnce(): Promise<CheckResult | null> {
    this.set({ running: true, progress: null, stale: false });
    this.markSelfWrite();
    try {
      const result = await runCheck(this.port, {
        settings: this.state.settings,
        onProgress: (done, total) => this.set({ progress: { done, total } }),
      });
      const skipped = skippedOf(this.port);
      // a failed check's message goes once a check succeeds; an action's message stays
      const stale = this.state.notice !== null && this.state.notice === this.checkError;
      this.set({
        result,
        running: false,
        progress: null,
        checkedAt: new Date(),
        skippedSheets: skipped,
        ...(stale ? { notice: null, errorCode: null } : {}),
      });
      return result;
    } catch (e) {
      this.checkError = { kind: "error", text: `校验未完成：${errorText(e)}` };
      this.set({
        running: false,
        progress: null,
        notice: this.checkError,
        errorCode: e instanceof WorkbookError ? e.code : null,
      });
      return null;
    } finally {
      this.markSelfWrite();
    }
  }

  /** Our own writes raise change events too: those within this window are ignored. */
  private markSelfWrite(): void {
    this.selfWriteUntil = Date.now() + (this.options.selfWriteMs ?? 1500);
  }

  private busyNow(): boolean {
    return this.state.running || this.state.busy !== null;
  }

  /** The user edited the sheet: re-check after a pause (only once the list has been shown). */
  workbookChanged(): void {
    if (this.disposed) return;
    if (this.busyNow() || Date.now() < this.selfWriteUntil) return;
    if (!this.state.result) return;
    this.set({ stale: true });
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = null;
      if (this.busyNow()) {
        this.rerun = true;
        return;
      }
      void this.check(true);
    }, this.options.debounceMs ?? 1200);
  }

  /* ------------------------------------------------------------ edits */

  /** Applies a plan, selects its cell, re-checks. Errors become a notice; nothing is half-written. */
  async applyPlan(plan: EditPlan, success: string): Promise<boolean> {
    this.set({ busy: plan.label || "正在修改", notice: null, errorCode: null });
    this.markSelfWrite();
    try {
      await this.port.apply(plan);
      this.markSelfWrite();
      if (plan.select) {
        try {
          await this.port.select(plan.select.sheet, plan.select.address);
          this.lastCell = { sheet: plan.select.sheet, address: plan.select.address };
        } catch {
          /* selecting is a courtesy */
        }
      }
      this.set({ busy: null, notice: { kind: "success", text: success } });
      await this.check(true);
      return true;
    } catch (e) {
      this.set({
        busy: null,
        notice: { kind: "error", text: errorText(e) },
        errorCode: e instanceof WorkbookError ? e.code : null,
      });
      if (e instanceof WorkbookError && e.code === "changed") await this.check(true);
      return false;
    } finally {
      this.markSelfWrite();
    }
  }

  /** A finding's quick fix, with the values of its inputs (keyed by placeholder, "{N}"). */
  async applyFix(finding: Finding, values: Readonly<Record<string, string>> = {}): Promise<boolean> {
    const fix = finding.fix;
    if (!fix) return false;
    const plan = fix.inputs.length ? fillPlan(fix.plan, values) : fix.plan;
    this.set({ current: finding.fingerprint });
    return this.applyPlan(plan, `已修复：${fix.title}（${cellLabel(finding.sheet, finding.cell)}）`);
  }

  /** 全部修复: every safe, input-free fix of a rule, as one batch when they only rewrite cells. */
  async fixAll(ruleId: string): Promise<boolean> {
    const list = (this.state.result?.findings ?? []).filter((f) => f.rule === ruleId && isAutoFix(f));
    if (list.length === 0) return false;
    const title = ruleById(ruleId)?.meta.title ?? ruleId;
    const plans = list.map((f) => f.fix!.plan);
    const cells = new Set<string>();
    const onlySets = plans.every((p) =>
      p.steps.every((s) => {
        if (s.kind !== "set") return false;
        const k = `${s.sheet}!${s.address}`;
        if (cells.has(k)) return false;
        cells.add(k);
        return true;
      })
    );
    if (onlySets) {
      const plan: EditPlan = {
        label: `全部修复：${title}`,
        steps: plans.flatMap((p) => p.steps),
        select: plans[0].select,
      };
      return this.applyPlan(plan, `已修复 ${list.length} 处“${title}”。`);
    }
    // plans that insert or delete rows shift each other: one at a time, re-checking in between
    let fixed = 0;
    for (let i = 0; i < list.length + 5; i++) {
      const next = (this.state.result?.findings ?? []).find((f) => f.rule === ruleId && isAutoFix(f));
      if (!next) break;
      const ok = await this.applyPlan(next.fix!.plan, `已修复 ${fixed + 1} 处“${title}”。`);
      if (!ok) return false;
      fixed++;
    }
    return fixed > 0;
  }

  /* ------------------------------------------------------------ settings */

  /** Saves settings in the workbook, re-checks when a list is shown. */
  async saveSettings(next: AddinSettings, success?: string, recheck = true): Promise<boolean> {
    const before = this.state.settings;
    this.set({ settings: next, busy: "正在保存设置", notice: null, errorCode: null });
    this.markSelfWrite();
    try {
      await this.port.saveSettings(next);
      this.set({ busy: null, notice: success ? { kind: "success", text: success } : null });
    } catch (e) {
      this.set({
        settings: before,
        busy: null,
        notice: { kind: "error", text: `设置未保存：${errorText(e)}` },
        errorCode: e instanceof WorkbookError ? e.code : null,
      });
      return false;
    } finally {
      this.markSelfWrite();
    }
    if (recheck && this.state.result) await this.check(true);
    return true;
  }

  /** 忽略: the finding stays out of the list (and unmarked) until restored in 设置. */
  ignore(f: Finding): Promise<boolean> {
    const s = this.state.settings;
    if (s.ignored.some((i) => i.fingerprint === f.fingerprint)) return Promise.resolve(true);
    const entry: IgnoredFinding = {
      fingerprint: f.fingerprint,
      rule: f.rule,
      sheet: f.sheet,
      indicator: f.indicator,
      message: f.message,
      ignoredAt: new Date().toISOString().slice(0, 10),
    };
    return this.saveSettings(
      { ...s, ignored: [...s.ignored, entry] },
      `已忽略这条问题（${cellLabel(f.sheet, f.cell)}），可在“设置 → 已忽略的问题”中恢复。`
    );
  }

  restore(fingerprint: string): Promise<boolean> {
    const s = this.state.settings;
    return this.saveSettings(
      { ...s, ignored: s.ignored.filter((i) => i.fingerprint !== fingerprint) },
      "已恢复这条问题。"
    );
  }

  restoreAll(): Promise<boolean> {
    return this.saveSettings({ ...this.state.settings, ignored: [] }, "已恢复全部忽略的问题。");
  }

  /** Sets a rule's switch and severity override (null severity: the rule's default). */
  setRule(id: string, setting: RuleSetting, success?: string): Promise<boolean> {
    const s = this.state.settings;
    const rules = { ...s.rules };
    const clean: { enabled?: boolean; severity?: RuleSetting["severity"] } = {};
    if (setting.enabled === false) clean.enabled = false;
    if (setting.severity) clean.severity = setting.severity;
    if (clean.enabled === undefined && clean.severity === undefined) delete rules[id];
    else rules[id] = clean;
    return this.saveSettings({ ...s, rules }, success);
  }

  /** 关闭此规则. */
  disableRule(id: string): Promise<boolean> {
    const title = ruleById(id)?.meta.title ?? id;
    const current = this.state.settings.rules[id];
    const severity =
      typeof current === "object"
        ? current.severity
        : current === "error" || current === "warning" || current === "info"
          ? current
          : undefined;
    return this.setRule(id, { enabled: false, severity }, `已关闭规则“${title}”，可在“设置 → 规则”中重新打开。`);
  }

  updateSettings(patch: Partial<Omit<AddinSettings, "version">>, success?: string): Promise<boolean> {
    return this.saveSettings({ ...this.state.settings, ...patch }, success);
  }

  /** The settings file (the format `perf-target --config` reads). */
  exportSettings(): string {
    return JSON.stringify(this.state.settings, null, 2) + "\n";
  }

  /** Reads a settings file; problems inside it are reported, the rest is saved. */
  async importSettings(json: string): Promise<boolean> {
    let data: unknown;
    try {
      data = JSON.parse(json.replace(/^\uFEFF/, ""));
    } catch (e) {
      this.set({
        notice: { kind: "error", text: `设置文件不是有效的 JSON：${e instanceof Error ? e.message : String(e)}` },
      });
      return false;
    }
    const { settings, problems } = normaliseSettings(data);
    const parsed = settings.userTemplates.length
      ? parseUserTemplates(JSON.stringify(settings.userTemplates))
      : { templates: [], problems: [] };
    const next = { ...settings, userTemplates: parsed.templates };
    const all = [...problems, ...parsed.problems.map((p) => `自定义模板：${p}`)];
    const ok = await this.saveSettings(next, all.length ? undefined : "已导入设置。");
    if (ok && all.length)
      this.set({ notice: { kind: "warning", text: "已导入设置，其中部分内容有问题：", details: all } });
    return ok;
  }

  resetSettings(): Promise<boolean> {
    return this.saveSettings(
      { ...DEFAULT_SETTINGS, userTemplates: this.state.settings.userTemplates },
      "已恢复默认设置（自定义模板保留）。"
    );
  }

  /* ------------------------------------------------------------ templates */

  /** Adds the templates of a user template file (JSON) to the workbook's settings. */
  async importTemplates(json: string): Promise<boolean> {
    const existing = [...TEMPLATES, ...this.state.settings.userTemplates];
    const { templates, problems } = parseUserTemplates(json, { existing });
    if (templates.length === 0) {
      this.set({ notice: { kind: "error", text: "没有导入任何模板。", details: problems } });
      return false;
    }
    const s = this.state.settings;
    const ok = await this.saveSettings(
      { ...s, userTemplates: [...s.userTemplates, ...templates] },
      problems.length ? undefined : `已导入 ${templates.length} 个模板。`,
      false
    );
    if (ok && problems.length)
      this.set({
        notice: { kind: "warning", text: `已导入 ${templates.length} 个模板，另有部分未导入：`, details: problems },
      });
    return ok;
  }

  exportTemplates(): string {
    return exportUserTemplates(this.state.settings.userTemplates);
  }

  removeUserTemplate(id: string): Promise<boolean> {
    const s = this.state.settings;
    return this.saveSettings(
      { ...s, userTemplates: s.userTemplates.filter((t) => t.id !== id) },
      "已删除该自定义模板。",
      false
    );
  }

  /** Reads the workbook and finds the table an insertion would go into (for the form's "插入到"). */
  async locate(): Promise<{ parse: WorkbookParse; selection: CellRef | null }> {
    const grids = await this.port.readSheets();
    const parse = parseWorkbook(grids);
    let selection: CellRef | null = null;
    try {
      selection = await this.port.getSelection();
    } catch {
      selection = null;
    }
    return { parse, selection };
  }

  /**
   * 插入: plans the template into the table the user is in (or `tableId`), below the selected row
   * when asked, applies it, selects the new row and re-checks.
   */
  async insertTemplate(
    template: IndicatorTemplate,
    values: Readonly<Record<string, string>>,
    options: { atSelection?: boolean; tableId?: string | null } = {}
  ): Promise<InsertOutcome | null> {
    this.set({ busy: "正在插入指标", notice: null, errorCode: null });
    let located: { parse: WorkbookParse; selection: CellRef | null };
    try {
      located = await this.locate();
    } catch (e) {
      this.set({
        busy: null,
        notice: { kind: "error", text: errorText(e) },
        errorCode: e instanceof WorkbookError ? e.code : null,
      });
      return null;
    }
    const table = insertionTarget(located.parse, located.selection, options.tableId);
    if (!table) {
      this.set({
        busy: null,
        notice: {
          kind: "error",
          text: "没有找到绩效目标表，无法插入。请先打开含有绩效目标表（有“一级指标/二级指标/三级指标”表头）的工作簿。",
        },
      });
      return null;
    }
    const atRow = options.atSelection ? selectedBlockRow(table, located.selection) : undefined;
    if (options.atSelection && atRow === undefined) {
      this.set({
        busy: null,
        notice: {
          kind: "warning",
          text: `选中的单元格不在“${table.sheet}”的指标区内：请先选中要在其下方插入的指标行，或取消“插入到选中行下方”。`,
        },
      });
      return null;
    }
    // typed values normalised as the preview shows them; a date default takes the table's budget year
    const filled: Record<string, string> = {};
    for (const [k, v] of placeholderValues(template, values, {
      budgetYear: this.state.settings.budgetYear ?? table.budgetYear,
    }))
      if (v !== null) filled[k] = v;
    let planned;
    try {
      planned = planInsertion(table, template, filled, atRow !== undefined ? { atRow } : {});
    } catch (e) {
      this.set({ busy: null, notice: { kind: "error", text: errorText(e) } });
      return null;
    }
    this.set({ busy: null });
    const where = planned.plan.select
      ? cellLabel(planned.plan.select.sheet, planned.plan.select.address)
      : `${table.sheet}第${planned.row}行`;
    const ok = await this.applyPlan(
      planned.plan,
      `已插入“${planned.plan.label.replace(/^插入指标“|”$/g, "")}”（${where}）。`
    );
    return ok ? { table, row: planned.row, select: planned.plan.select } : null;
  }

  /* ------------------------------------------------------------ navigation */

  /** Go to a finding's cell (the sheet is activated). */
  async goTo(f: Finding, index = -1): Promise<void> {
    this.set({ current: f.fingerprint });
    this.lastIndex = index;
    this.lastCell = { sheet: f.sheet, address: f.cell };
    try {
      await this.port.select(f.sheet, f.cell);
    } catch (e) {
      this.set({
        notice: { kind: "error", text: errorText(e) },
        errorCode: e instanceof WorkbookError ? e.code : null,
      });
    }
  }

  /**
   * 上一个 / 下一个 through `order` (the list as displayed), from the current selection: the
   * finding the user is on when the selection is still at its cell; after a fix removed it, the
   * finding that took its place; when the user moved elsewhere, the next finding after the
   * selected cell. Wraps around at the ends.
   */
  async navigate(
    direction: 1 | -1,
    order: readonly Finding[],
    sheetOrder: readonly string[] = []
  ): Promise<Finding | null> {
    if (order.length === 0) return null;
    let selection: CellRef | null = null;
    try {
      selection = await this.port.getSelection();
    } catch {
      selection = null;
    }
    const same = (a: CellRef | null, sheet: string, cell: string) => !!a && a.sheet === sheet && a.address === cell;
    const currentIndex = this.state.current ? order.findIndex((f) => f.fingerprint === this.state.current) : -1;
    let target: number;
    if (currentIndex >= 0 && (!selection || same(selection, order[currentIndex].sheet, order[currentIndex].cell))) {
      target = currentIndex + direction;
    } else if (
      currentIndex < 0 &&
      this.lastIndex >= 0 &&
      (!selection || (this.lastCell && same(selection, this.lastCell.sheet, this.lastCell.address)))
    ) {
      // the finding we were on is gone (fixed, ignored): the one that took its place is "next"
      target = direction === 1 ? this.lastIndex : this.lastIndex - 1;
    } else if (selection) {
      const here = order.findIndex((f) => same(selection, f.sheet, f.cell));
      if (here >= 0) target = here + direction;
      else {
        const pos = positionKey(selection.sheet, selection.address, sheetOrder);
        const after = order.findIndex((f) => positionKey(f.sheet, f.cell, sheetOrder) > pos);
        if (direction === 1) target = after >= 0 ? after : 0;
        else {
          let before = -1;
          for (let i = order.length - 1; i >= 0; i--) {
            if (positionKey(order[i].sheet, order[i].cell, sheetOrder) < pos) {
              before = i;
              break;
            }
          }
          target = before >= 0 ? before : order.length - 1;
        }
      }
    } else {
      target = direction === 1 ? 0 : order.length - 1;
    }
    target = ((target % order.length) + order.length) % order.length;
    const f = order[target];
    await this.goTo(f, target);
    return f;
  }

  /* ------------------------------------------------------------ marks */

  async clearMarks(): Promise<void> {
    this.set({ busy: "正在清除标记", notice: null, errorCode: null });
    this.markSelfWrite();
    try {
      await this.port.clearMarks();
      const skipped = skippedOf(this.port);
      this.set({
        busy: null,
        notice: skipped.length
          ? {
              kind: "warning",
              text: `已清除标记；工作表${skipped.map((n) => `“${n}”`).join("、")}受保护，其中的标记未能清除。`,
            }
          : { kind: "success", text: "已清除本助手的全部标记，您自己的格式和批注未改动。" },
      });
    } catch (e) {
      this.set({
        busy: null,
        notice: { kind: "error", text: errorText(e) },
        errorCode: e instanceof WorkbookError ? e.code : null,
      });
    } finally {
      this.markSelfWrite();
    }
  }
}

/** A sortable key of a cell's place in the workbook: sheet order, row, column. */
function positionKey(sheet: string, address: string, sheetOrder: readonly string[]): number {
  const s = Math.max(0, sheetOrder.indexOf(sheet));
  let p = { row: 0, column: 0 };
  try {
    p = parseCell(address);
  } catch {
    /* keep 0 */
  }
  return s * 1e12 + p.row * 1e5 + p.column;
}

/** Re-exported for the views. */
export type { CellRef };
