/**
 * Task pane entry (taskpane.html). Renders at once, so the page also works in a plain browser where
 * office.js is absent; when Office.onReady says it runs inside Excel, the pane works on the open
 * workbook through ExcelWorkbook and re-checks after the user's edits (worksheet change events).
 */
import "../excel/polyfills";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { ExcelWorkbook } from "../excel/workbook";
import { App, type HostState } from "./App";
import { excelChangeSource, excelTellsOwnChanges } from "./excel-changes";
import { officeDarkTheme, officeLightTheme, useDarkMode } from "./theme";
import type { WorkbookPort } from "../core/port";
import type { AssistantOptions } from "./check-loop";

const container = document.getElementById("container");
if (!container) throw new Error("taskpane.html has no #container");
const root = createRoot(container);

function Root(props: { host: HostState; port: WorkbookPort | null; options?: AssistantOptions }): React.JSX.Element {
  const dark = useDarkMode();
  // the pane runs: src/boot/boot.js no longer reports load errors as "cannot run here"
  React.useEffect(() => document.documentElement.setAttribute("data-started", ""), []);
  return (
    <FluentProvider theme={dark ? officeDarkTheme : officeLightTheme} style={{ height: "100%" }}>
      <App host={props.host} port={props.port} options={props.options} />
    </FluentProvider>
  );
}

function render(host: HostState, port: WorkbookPort | null = null, options?: AssistantOptions): void {
  root.render(<Root host={host} port={port} options={options} />);
}

if (typeof Office === "undefined") {
  render({ kind: "browser" });
} else {
  render({ kind: "loading" });
  Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) {
      const changes = excelChangeSource();
      // where the events say which changes are ours, no timing window is needed to ignore them
      render(
        { kind: "excel", platform: String(info.platform ?? "") },
        new ExcelWorkbook(),
        changes ? { changes, ...(excelTellsOwnChanges() ? { selfWriteMs: 0 } : {}) } : undefined
      );
    } else {
      render({ kind: "browser" });
    }
  });
}
