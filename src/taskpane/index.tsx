/**
 * Task pane entry (taskpane.html). Renders at once, so the page also works in a plain browser where
 * office.js is absent; when office.js is present, Office.onReady tells whether it runs inside Excel.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App, type HostState } from "./App";

const container = document.getElementById("container");
if (!container) throw new Error("taskpane.html has no #container");
const root = createRoot(container);

function render(host: HostState): void {
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>
  );
}

if (typeof Office === "undefined") {
  render({ kind: "browser" });
} else {
  render({ kind: "loading" });
  Office.onReady((info) => {
    render(
      info.host === Office.HostType.Excel
        ? { kind: "excel", platform: String(info.platform ?? "") }
        : { kind: "browser" }
    );
  });
}
