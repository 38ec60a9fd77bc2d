/**
 * The task pane's controller, without React: on top of the check loop (check-loop.ts), the user's
 * actions — quick fixes, 全部修复, template insertion, settings and user templates, go-to-cell and
 * 上一个/下一个, 清除标记. Talks only to a WorkbookPort and the core, so the same controller runs
 * inside Excel (ExcelWorkbook), on the web page (XlsxWorkbook) and in the tests. The state it
 * publishes is in state.ts; the pure parts of its actions in settings-changes.ts, insertion.ts and
 * navigation.ts.
 */
import type { EditPlan } from "../core/edit-plan";
import type { Finding } from "../core/finding";
import type { WorkbookParse } from "../core/model";
import { parseWorkbook } from "../core/parse";
import { WorkbookError, type CellRef } from "../core/port";
import { ruleById } from "../core/rules";
import { fillPlan } from "../core/rules/util";
import { DEFAULT_SETTINGS, type AddinSettings, type RuleSetting } from "../core/settings";
import type { IndicatorTemplate } from "../core/templates/types";
import { officeError, protectedSheets } from "../excel/host";
import { CheckLoop, settingsWarningOf, skippedOf } from "./check-loop";
import { planTemplateInsert, type InsertRequest } from "./insertion";
import { navigationTarget } from "./navigation";
import { loadLibrary } from "./library";
import { severityOverride, withIgnored, withRule } from "./settings-changes";
import { cellLabel, errorText, failed, type Notice } from "./state";

/** A finding's fix can run unattended (全部修复): safe and without inputs. */
export function isAutoFix(f: Finding): boolean {
  return !!f.fix && f.fix.safe && f.fix.inputs.length === 0;
}

/** The plans' steps as one plan when they only rewrite cells, each cell once; else null. */
function oneBatch(plans: readonly EditPlan[], label: string): EditPlan | null {
  const cells = new Set<string>();
  for (const p of plans)
    for (const s of p.steps) {
      const k = s.kind === "set" ? cellLabel(s.sheet, s.address) : null;
      if (k === null || cells.has(k)) return null;
      cells.add(k);
    }
  return { label, steps: plans.flatMap((p) => p.steps), select: plans[0].select };
}

export class Assistant extends CheckLoop {
  /** Index in the displayed order of the finding the user was last on (stable navigation after a fix). */
  private lastIndex = -1;
  private lastCell: CellRef | null = null;

  /** Loads the workbook's settings, registers the user's templates, starts watching edits. */
  async start(): Promise<void> {
    try {
      const settings = await this.port.loadSettings();
      this.set({ settings, settingsLoaded: true, settingsWarning: settingsWarningOf(this.port) });
    } catch (e) {
      this.set({
        settingsLoaded: true,
        notice: { kind: "error", text: `无法读取工作簿中的设置，已使用默认设置。${errorText(e)}` },
      });
    }
    this.watchChanges();
  }

  /* ------------------------------------------------------------ edits */

  /** Applies a plan (which selects its cell), re-checks. Errors become a notice; nothing is half-written. */
  async applyPlan(plan: EditPlan, success: string): Promise<boolean> {
    this.set({ busy: plan.label || "正在修改", notice: null, errorCode: null });
    this.markSelfWrite();
    try {
      // apply selects the plan's cell itself (in the same request, in Excel)
      await this.port.apply(plan);
      this.markSelfWrite();
      if (plan.select) this.lastCell = { sheet: plan.select.sheet, address: plan.select.address };
      this.set({ busy: null, notice: { kind: "success", text: success } });
      await this.check(true);
      return true;
    } catch (e) {
      this.set(failed(e));
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
    const autoFixes = () => (this.state.result?.findings ?? []).filter((f) => f.rule === ruleId && isAutoFix(f));
    const list = autoFixes();
    if (list.length === 0) return false;
    const title = ruleById(ruleId)?.meta.title ?? ruleId;
    const batch = oneBatch(
      list.map((f) => f.fix!.plan),
      `全部修复：${title}`
    );
    if (batch) return this.applyPlan(batch, `已修复 ${list.length} 处“${title}”。`);
    // plans that insert or delete rows shift each other: one at a time, re-checking in between
    let fixed = 0;
    for (let i = 0; i < list.length + 5; i++) {
      const next = autoFixes()[0];
      if (!next) break;
      if (!(await this.applyPlan(next.fix!.plan, `已修复 ${fixed + 1} 处“${title}”。`))) return false;
      fixed++;
    }
    return fixed > 0;
  }

  /** Reads the workbook and finds the table an insertion would go into (for the form's "插入到"). */
  async locate(): Promise<{ parse: WorkbookParse; selection: CellRef | null }> {
    const parse = parseWorkbook(await this.port.readSheets());
    const selection = await this.port.getSelection().catch(() => null);
    return { parse, selection };
  }

  /**
   * 插入: plans the template into the table the user is in (or `tableId`), below the selected row
   * when asked, applies it, selects the new row and re-checks.
   */
  async insertTemplate(
    template: IndicatorTemplate,
    values: Readonly<Record<string, string>>,
    options: Pick<InsertRequest, "atSelection" | "tableId"> = {}
  ): Promise<{ readonly row: number } | null> {
    this.set({ busy: "正在插入指标", notice: null, errorCode: null });
    let located: { parse: WorkbookParse; selection: CellRef | null };
    try {
      located = await this.locate();
    } catch (e) {
      this.set(failed(e));
      return null;
    }
    const budgetYear = this.state.settings.budgetYear;
    const out = planTemplateInsert(located.parse, located.selection, { template, values, budgetYear, ...options });
    this.set({ busy: null, ...(out.table ? {} : { notice: out.notice }) });
    if (!out.table) return null;
    const { plan, row } = out.planned;
    const where = plan.select ? cellLabel(plan.select.sheet, plan.select.address) : `${out.table.sheet}第${row}行`;
    const ok = await this.applyPlan(plan, `已插入“${plan.label.replace(/^插入指标“|”$/g, "")}”（${where}）。`);
    return ok ? { row } : null;
  }

  /* ------------------------------------------------------------ settings */

  /** Saves settings in the workbook, re-checks when a list is shown. */
  async saveSettings(next: AddinSettings, success?: string, recheck = true): Promise<boolean> {
    const before = this.state.settings;
    // the settings first: the views (the templates in force among them) follow them at once
    this.set({ settings: next, busy: "正在保存设置", notice: null, errorCode: null });
    this.markSelfWrite();
    try {
      await this.port.saveSettings(next);
      this.set({
        busy: null,
        notice: success ? { kind: "success", text: success } : null,
        settingsWarning: settingsWarningOf(this.port),
      });
    } catch (e) {
      this.set({ settings: before, ...failed(e, "设置未保存："), settingsWarning: settingsWarningOf(this.port) });
      return false;
    } finally {
      this.markSelfWrite();
    }
    if (recheck && this.state.result) await this.check(true);
    return true;
  }

  /** Saves settings; `warning` (with its details) replaces the success message once they are saved. */
  private async saveWithWarning(next: AddinSettings, success: string, warning: Notice | null, recheck = true) {
    const ok = await this.saveSettings(next, warning ? undefined : success, recheck);
    if (ok && warning) this.set({ notice: warning });
    return ok;
  }

  /** 忽略: the finding stays out of the list (and unmarked) until restored in 设置. */
  ignore(f: Finding): Promise<boolean> {
    const s = this.state.settings;
    if (s.ignored.some((i) => i.fingerprint === f.fingerprint)) return Promise.resolve(true);
    return this.saveSettings(
      withIgnored(s, f),
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

  /** Sets a rule's switch and severity override (no severity: the rule's default). */
  setRule(id: string, setting: RuleSetting, success?: string): Promise<boolean> {
    return this.saveSettings(withRule(this.state.settings, id, setting), success);
  }

  /** 关闭此规则. */
  disableRule(id: string): Promise<boolean> {
    const title = ruleById(id)?.meta.title ?? id;
    const severity = severityOverride(this.state.settings, id);
    return this.setRule(id, { enabled: false, severity }, `已关闭规则“${title}”，可在“设置 → 规则”中重新打开。`);
  }

  updateSettings(patch: Partial<Omit<AddinSettings, "version">>, success?: string): Promise<boolean> {
    return this.saveSettings({ ...this.state.settings, ...patch }, success);
  }

  /** The template library's chunk, or null (and a notice) when it cannot be loaded. */
  private async library(): Promise<Awaited<ReturnType<typeof loadLibrary>> | null> {
    try {
      return await loadLibrary();
    } catch (e) {
      this.set(failed(e, "模板库未能载入，请检查网络后重试："));
      return null;
    }
  }

  /** A settings or template file the user picked could not be read. */
  fileUnreadable(e: unknown): void {
    this.set({
      notice: {
        kind: "error",
        text: `无法读取所选文件（${officeError(e)}）。请确认文件仍在原处、未被其他程序占用，然后重新选择。`,
      },
      errorCode: null,
    });
  }

  /** The settings file (the format `perf-target --config` reads). */
  exportSettings(): string {
    return JSON.stringify(this.state.settings, null, 2) + "\n";
  }

  /** Reads a settings file; problems inside it are reported, the rest is saved. */
  async importSettings(json: string): Promise<boolean> {
    const library = await this.library();
    if (!library) return false;
    const read = library.readSettingsFile(json);
    if ("error" in read) {
      this.set({ notice: { kind: "error", text: read.error } });
      return false;
    }
    const warning: Notice | null = read.problems.length
      ? { kind: "warning", text: "已导入设置，其中部分内容有问题：", details: read.problems }
      : null;
    return this.saveWithWarning(read.settings, "已导入设置。", warning);
  }

  resetSettings(): Promise<boolean> {
    return this.saveSettings(
      { ...DEFAULT_SETTINGS, userTemplates: this.state.settings.userTemplates },
      "已恢复默认设置（自定义模板保留）。"
    );
  }

  /* ------------------------------------------------------------ user templates */

  /** Adds the templates of a user template file (JSON) to the workbook's settings. */
  async importTemplates(json: string): Promise<boolean> {
    const library = await this.library();
    if (!library) return false;
    const s = this.state.settings;
    const { templates, problems } = library.readTemplatesFile(s, json);
    if (templates.length === 0) {
      this.set({ notice: { kind: "error", text: "没有导入任何模板。", details: problems } });
      return false;
    }
    const warning: Notice | null = problems.length
      ? { kind: "warning", text: `已导入 ${templates.length} 个模板，另有部分未导入：`, details: problems }
      : null;
    const next = { ...s, userTemplates: [...s.userTemplates, ...templates] };
    return this.saveWithWarning(next, `已导入 ${templates.length} 个模板。`, warning, false);
  }

  removeUserTemplate(id: string): Promise<boolean> {
    const s = this.state.settings;
    return this.saveSettings(
      { ...s, userTemplates: s.userTemplates.filter((t) => t.id !== id) },
      "已删除该自定义模板。",
      false
    );
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
      const { notice, errorCode } = failed(e);
      this.set({ notice, errorCode });
    }
  }

  /** 上一个 / 下一个 through `order` (the list as displayed), from where the user is (navigation.ts). */
  async navigate(
    direction: 1 | -1,
    order: readonly Finding[],
    sheetOrder: readonly string[] = []
  ): Promise<Finding | null> {
    if (order.length === 0) return null;
    const selection = await this.port.getSelection().catch(() => null);
    const from = { selection, current: this.state.current, lastIndex: this.lastIndex, lastCell: this.lastCell };
    const target = navigationTarget(direction, order, from, sheetOrder);
    await this.goTo(order[target], target);
    return order[target];
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
              text: `已清除标记；${protectedSheets(skipped)}，其中的标记未能清除。`,
            }
          : { kind: "success", text: "已清除本助手的全部标记，您自己的格式和批注未改动。" },
      });
    } catch (e) {
      this.set(failed(e));
    } finally {
      this.markSelfWrite();
    }
  }
}
