/**
 * 导出 (settings, user templates) as a JSON file. A download made from a Blob does nothing in Excel
 * on the Mac and the iPad (their WKWebView ignores <a download>) and can fail elsewhere; there, and
 * whenever a download could not start, the text is shown below the button to copy and save by hand,
 * with a message that says why.
 */
import * as React from "react";
import { Body1, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownload16Regular, Copy16Regular, Dismiss16Regular } from "@fluentui/react-icons";
import { downloadText } from "../files";

const useStyles = makeStyles({
  panel: {
    flexBasis: "100%",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  text: {
    width: "100%",
    boxSizing: "border-box",
    minHeight: "120px",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  row: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center", flexWrap: "wrap" },
});

/** Excel on the Mac or the iPad, where a download from the task pane does nothing. */
function downloadsUnavailable(): boolean {
  try {
    const platform = typeof Office !== "undefined" ? String(Office.context?.platform ?? "") : "";
    return platform === "Mac" || platform === "iOS";
  } catch {
    return false;
  }
}

interface Shown {
  readonly text: string;
  readonly why: string;
}

/** The export button, and the text to copy where the file cannot be downloaded. */
export function JsonExportButton(props: {
  readonly fileName: string;
  readonly text: () => string;
  readonly disabled?: boolean;
  readonly "aria-label": string;
  readonly children: React.ReactNode;
}): React.JSX.Element {
  const s = useStyles();
  const [shown, setShown] = React.useState<Shown | null>(null);
  const [copied, setCopied] = React.useState<string | null>(null);
  const area = React.useRef<HTMLTextAreaElement>(null);
  const save = () => {
    const text = props.text();
    setCopied(null);
    if (downloadsUnavailable())
      setShown({
        text,
        why: `Mac 和 iPad 版 Excel 中无法从任务窗格下载文件。请复制下面的内容，粘贴到文本编辑器，保存为“${props.fileName}”。`,
      });
    else if (!downloadText(text, props.fileName))
      setShown({ text, why: `未能开始下载“${props.fileName}”。请复制下面的内容，粘贴到文本编辑器后保存。` });
    else setShown(null);
  };
  const copy = async () => {
    area.current?.select();
    try {
      await navigator.clipboard.writeText(shown?.text ?? "");
      setCopied("已复制到剪贴板。");
    } catch {
      setCopied("无法直接复制：内容已选中，请按 Ctrl+C（Mac 上为 ⌘+C）复制。");
    }
  };
  return (
    <>
      <Button
        size="small"
        icon={<ArrowDownload16Regular />}
        disabled={props.disabled}
        onClick={save}
        aria-label={props["aria-label"]}
      >
        {props.children}
      </Button>
      {shown && (
        <section className={s.panel} aria-label="导出的内容" data-testid="export-text">
          <Body1 role="status">{shown.why}</Body1>
          <textarea ref={area} className={s.text} readOnly value={shown.text} aria-label={props.fileName} />
          <div className={s.row}>
            <Button size="small" icon={<Copy16Regular />} onClick={() => void copy()}>
              复制
            </Button>
            <Button size="small" appearance="subtle" icon={<Dismiss16Regular />} onClick={() => setShown(null)}>
              关闭
            </Button>
            {copied && <Caption1 role="status">{copied}</Caption1>}
          </div>
        </section>
      )}
    </>
  );
}
