/**
 * The templates in force for a check or a view: the standard library plus the user's own (from the
 * settings), passed explicitly to the rules (RuleContext.templates), the planner and the views, so a
 * result depends only on its inputs. User templates from a workbook or a settings file are
 * validated here; invalid ones and ids that clash with the library are left out.
 */
import { TEMPLATES } from "./library";
import type { IndicatorTemplate } from "./types";
import { parseUserTemplates } from "./user";

const cache = new WeakMap<readonly IndicatorTemplate[], readonly IndicatorTemplate[]>();

/** The library plus the valid ones of `user` (the same array for the same input array). */
export function templatesFor(user: readonly IndicatorTemplate[] | undefined): readonly IndicatorTemplate[] {
  if (!user || user.length === 0) return TEMPLATES;
  let all = cache.get(user);
  if (!all) {
    const valid = parseUserTemplates(JSON.stringify(user), {
      existing: TEMPLATES,
    }).templates;
    all = Object.freeze([...TEMPLATES, ...valid]);
    cache.set(user, all);
  }
  return all;
}
