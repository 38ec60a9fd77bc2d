/** Renders the task pane over a port, inside the Office theme, for the UI tests. */
import { fireEvent, render, screen, waitFor, within, type RenderResult } from "@testing-library/react";
import { FluentProvider } from "@fluentui/react-components";
import { App, type ViewName } from "../../src/taskpane/App";
import type { AssistantOptions } from "../../src/taskpane/check-loop";
import { officeLightTheme } from "../../src/taskpane/theme";
import type { WorkbookPort } from "../../src/core/port";
import { renderRuleDoc } from "../../scripts/rule-docs";

/** Renders the pane; wait for it with `await ready()` (the settings are read from the port first). */
export function renderPane(
  port: WorkbookPort,
  options: { view?: ViewName; assistant?: AssistantOptions; loadDoc?: (id: string) => Promise<string> } = {}
): RenderResult {
  return render(
    <FluentProvider theme={officeLightTheme}>
      <App
        port={port}
        initialView={options.view}
        options={options.assistant}
        loadDoc={options.loadDoc ?? (async (id) => renderRuleDoc(`# ${id}\n\n说明`))}
      />
    </FluentProvider>
  );
}

/** Waits until the pane has read the workbook's settings and shows its views. */
export async function ready(): Promise<void> {
  await waitFor(() => expect(screen.queryByText("正在读取工作簿中的设置…")).toBeNull());
}

/** Clicks 一键校验 and waits for the summary. */
export async function runCheck(): Promise<HTMLElement> {
  fireEvent.click(await screen.findByRole("button", { name: /一键校验/ }));
  return waitFor(() => screen.getByTestId("summary"), { timeout: 10_000 });
}

/** The rendered finding items of the list. */
export function findingItems(): HTMLElement[] {
  const list = screen.queryByTestId("findings");
  return list ? within(list).queryAllByRole("listitem") : [];
}

/** The finding item for a cell ("部门整体支出!F63"), if rendered. */
export function itemAt(cell: string, rule?: string): HTMLElement | undefined {
  return findingItems().find(
    (el) => el.getAttribute("data-cell") === cell && (!rule || el.getAttribute("data-rule") === rule)
  );
}
