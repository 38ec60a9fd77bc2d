/** Small pieces shared by the views: severity icons and colours, the focus outline, labels. */
import * as React from "react";
import { createFocusOutlineStyle, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from "@fluentui/react-icons";
import { SEVERITY_LABEL, type Severity } from "../core/finding";

export { SEVERITY_LABEL };

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

const useIconStyles = makeStyles({
  icon: { flexShrink: 0, verticalAlign: "middle" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorPaletteBerryForeground1 },
});

/** The severity's icon, with its Chinese name for screen readers. */
export function SeverityIcon(props: { severity: Severity; label?: boolean; className?: string }): React.JSX.Element {
  const s = useIconStyles();
  const cls = mergeClasses(s.icon, s[props.severity], props.className);
  const a11y =
    props.label === false
      ? { "aria-hidden": true as const }
      : { "aria-label": SEVERITY_LABEL[props.severity], role: "img" };
  switch (props.severity) {
    case "error":
      return <ErrorCircle16Filled className={cls} {...a11y} />;
    case "warning":
      return <Warning16Filled className={cls} {...a11y} />;
    default:
      return <Info16Filled className={cls} {...a11y} />;
  }
}

/** A visible focus ring for custom focusable elements (Fluent's own controls have theirs). */
export const useFocusStyles = makeStyles({
  focus: createFocusOutlineStyle({ style: { outlineOffset: "-2px" }, selector: "focus" }),
});

export function plural(n: number, unit: string): string {
  return `${n} ${unit}`;
}
