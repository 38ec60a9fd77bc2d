/** @jest-environment jsdom */
/**
 * A rule that throws on one table does not sink the check in the pane: the other findings are
 * listed, the failure is said once, naming the rule and the table, and the verdict is not "可以提交".
 */
import { screen, within } from "@testing-library/react";
import type { Rule } from "../../src/core/rules/types";
import { FakePort } from "./fake-port";
import { ready, renderPane, runCheck } from "./render";

jest.mock("../../src/core/rules", () => {
  const actual = jest.requireActual("../../src/core/rules");
  const broken: Rule = {
    meta: { ...actual.RULES[0].meta, id: "broken-rule", title: "故意出错的规则", fix: "none", fixable: false },
    checkTable(table) {
      if (table.sheet === "部门整体支出") throw new Error("测试用的错误");
      return [];
    },
  };
  return {
    ...actual,
    RULES: [...actual.RULES, broken],
    ruleById: (id: string) => [...actual.RULES, broken].find((r: Rule) => r.meta.id === id),
  };
});

jest.setTimeout(30_000);

test("the failure is shown once, the other rules' findings stand", async () => {
  const port = await FakePort.seed();
  renderPane(port);
  await ready();
  await runCheck();
  const failures = within(screen.getByTestId("rule-failures")).getAllByRole("listitem");
  expect(failures).toHaveLength(1);
  expect(failures[0].textContent).toMatch(
    /^规则“故意出错的规则”（broken-rule）在表“.+”（工作表“部门整体支出”）上出错：测试用的错误/
  );
  // the other rules still report on that sheet, and nothing says the workbook passes
  expect(port.marked.some((f) => f.sheet === "部门整体支出" && f.rule === "blank-sample-size")).toBe(true);
  expect(screen.getByTestId("verdict").textContent).not.toContain("可以提交");
});
