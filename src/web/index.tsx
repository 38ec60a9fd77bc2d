/**
 * Stand-alone page (web.html): checks workbooks in the browser, without Excel and without office.js.
 * For now a placeholder saying so; a later issue builds the checker here.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { Body1, FluentProvider, makeStyles, Title2, tokens, webLightTheme } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    maxWidth: "720px",
    margin: "0 auto",
    padding: tokens.spacingHorizontalXXL,
  },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
});

/** The sample named by ?sample=… (as printed by npm start), if any; only a plain file name. */
export function sampleFromQuery(search: string): string | undefined {
  const name = new URLSearchParams(search).get("sample");
  return name && /^[\w.-]+\.xlsx$/i.test(name) ? name : undefined;
}

function WebPage(): React.JSX.Element {
  const styles = useStyles();
  const sample = sampleFromQuery(window.location.search);
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <img src="assets/icon-64.png" alt="" width={48} height={48} />
        <Title2 as="h1">绩效目标表助手</Title2>
      </header>
      <Body1>网页版（不需要 Excel、在浏览器中直接校验工作簿的独立页面）将在后续版本中提供。</Body1>
      {sample && (
        <Body1 data-testid="sample">
          示例工作簿：<a href={`samples/${sample}`}>{sample}</a>（网页版完成后将自动载入并校验）
        </Body1>
      )}
    </main>
  );
}

const container = document.getElementById("container");
if (!container) throw new Error("web.html has no #container");
createRoot(container).render(
  <FluentProvider theme={webLightTheme}>
    <WebPage />
  </FluentProvider>
);
