/**
 * What the task pane needs from the template library, as one chunk (library.ts loads it): the
 * templates in force for a check or a view, and the readers of settings and template files.
 */
export { templatesFor } from "../core/templates/registry";
export { readSettingsFile, readTemplatesFile } from "./settings-files";
