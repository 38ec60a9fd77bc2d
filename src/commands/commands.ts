/**
 * The function file (commands.html) of the ribbon: maps the manifest's <FunctionName> values to
 * functions. The names here must match manifest.xml (checked by test/manifest.test.ts).
 */
import "../excel/polyfills";
import { checkWorkbook, clearMarks } from "./ribbon";

// Outside Office (a plain browser, a test) office.js is absent: nothing to register.
if (typeof Office !== "undefined") {
  Office.onReady(() => {
    Office.actions.associate("checkWorkbook", checkWorkbook);
    Office.actions.associate("clearMarks", clearMarks);
  });
}
