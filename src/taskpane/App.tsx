/**
 * The task pane's root component. Minimal for now: the product name and where it runs. The issue
 * that builds the task pane replaces the body.
 */
import * as React from "react";
import { Body1, Caption1, makeStyles, Title2, tokens } from "@fluentui/react-components";

/** Where the page runs: inside Excel (office.js loaded and ready) or in a plain browser. */
export type HostState = { kind: "loading" } | { kind: "excel"; platform: string } | { kind: "browser" };

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
});

export function describeHost(host: HostState): string {
  switch (host.kind) {
    case "loading":
      return "正在连接 Excel…";
    case "excel":
      return `已在 Excel 中加载（${host.platform}）。`;
    case "browser":
      return "当前不在 Excel 中运行（浏览器预览），校验功能需在 Excel 中使用。";
  }
}

export function App(props: { host: HostState }): React.JSX.Element {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <img src="assets/icon-32.png" alt="" width={32} height={32} />
        <Title2 as="h1">绩效目标表助手</Title2>
      </header>
      <Body1>校验预算绩效目标表（部门整体支出表、项目表）的指标是否齐全、规范。</Body1>
      <Caption1 className={styles.muted} data-testid="host-status">
        {describeHost(props.host)}
      </Caption1>
    </main>
  );
}
