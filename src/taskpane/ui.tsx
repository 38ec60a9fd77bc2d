/**
 * Small pieces shared by the views (and the web page): severity icons, the focus outline, the hidden
 * file picker, open/closed sets (groups, tree branches).
 */
import * as React from "react";
import { Button, createFocusOutlineStyle, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ArrowUpload16Regular, ErrorCircle16Filled, Info16Filled, Warning16Filled } from "@fluentui/react-icons";
import { SEVERITY_LABEL, type Severity } from "../core/finding";
import { readFileText } from "./files";

const useIconStyles = makeStyles({
  icon: { flexShrink: 0, verticalAlign: "middle" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorPaletteBerryForeground1 },
  hidden: { display: "none" },
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

/** Styles the views share: a view's column; a button drawn as plain text (list rows, tree items, group headers). */
export const useSharedStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", minHeight: 0, flexGrow: 1, gap: tokens.spacingVerticalS },
  plainButton: {
    border: "none",
    background: "none",
    cursor: "pointer",
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    textAlign: "left",
  },
  hover: { ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover } },
});

/** A visible focus ring for custom focusable elements (Fluent's own controls have theirs). */
export const useFocusStyles = makeStyles({
  focus: createFocusOutlineStyle({ style: { outlineOffset: "-2px" }, selector: "focus" }),
});

interface FilePickerProps {
  /** The file types offered (the input's accept). */
  readonly accept: string;
  /** The input's accessible name. */
  readonly label: string;
  /** The file the user chose (the input is reset, so the same file can be chosen again). */
  readonly onFile: (file: File) => void;
  readonly "data-testid"?: string;
}

/** A hidden file input: a button opens it with `ref.current.click()`. */
export const FilePicker = React.forwardRef<HTMLInputElement, FilePickerProps>(function FilePicker(props, ref) {
  const s = useIconStyles();
  const { onFile } = props;
  return (
    <input
      ref={ref}
      type="file"
      accept={props.accept}
      className={s.hidden}
      aria-label={props.label}
      data-testid={props["data-testid"]}
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = "";
        if (file) onFile(file);
      }}
    />
  );
});

/** 导入…: a small button that opens the file dialog for a JSON file (its own hidden FilePicker) and hands over its text. */
export function JsonFileButton(props: {
  readonly disabled?: boolean;
  readonly "aria-label": string;
  /** The file input's accessible name. */
  readonly pickerLabel: string;
  readonly onText: (text: string) => void;
  /** The file could not be read (moved, locked, no permission). */
  readonly onError: (e: unknown) => void;
  readonly children: React.ReactNode;
}): React.JSX.Element {
  const input = React.useRef<HTMLInputElement>(null);
  const { onText, onError } = props;
  return (
    <>
      <Button
        size="small"
        icon={<ArrowUpload16Regular />}
        disabled={props.disabled}
        onClick={() => input.current?.click()}
        aria-label={props["aria-label"]}
      >
        {props.children}
      </Button>
      <FilePicker
        ref={input}
        accept=".json,application/json"
        label={props.pickerLabel}
        onFile={(file) => void readFileText(file).then(onText, onError)}
      />
    </>
  );
}

/** The set with `key` in it (`on`) or not: a new set, for React state. */
export function withKey<T>(set: ReadonlySet<T>, key: T, on: boolean): ReadonlySet<T> {
  const next = new Set(set);
  if (on) next.add(key);
  else next.delete(key);
  return next;
}
