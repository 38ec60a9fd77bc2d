/**
 * Stand-alone page entry (web.html): checks workbooks in the browser, without Excel and without
 * office.js. The theme follows the system's light/dark preference.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { officeDarkTheme, officeLightTheme, useDarkMode } from "../taskpane/theme";
import { sampleFromQuery, WebApp } from "./WebApp";

function Root(): React.JSX.Element {
  const dark = useDarkMode();
  return (
    <FluentProvider theme={dark ? officeDarkTheme : officeLightTheme} style={{ height: "100%" }}>
      <WebApp sample={sampleFromQuery(window.location.search)} />
    </FluentProvider>
  );
}

const container = document.getElementById("container");
if (!container) throw new Error("web.html has no #container");
createRoot(container).render(<Root />);
