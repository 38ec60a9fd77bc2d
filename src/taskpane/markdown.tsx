/**
 * The rule docs (docs/rules/<id>.md) as React elements: headings, paragraphs, lists, tables, code
 * blocks, **bold**, `code` and links. Everything is text (React escapes it); no HTML in the
 * markdown is interpreted. Links to other rule pages open them in the viewer; other links are shown
 * as plain text (the add-in never links out of its own origin).
 */
import * as React from "react";

export interface MarkdownProps {
  readonly source: string;
  /** Called with a rule id when a link to another rule's page is followed. */
  readonly onRuleLink?: (id: string) => void;
  readonly className?: string;
}

type Block =
  | { kind: "heading"; level: number; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; items: string[][] }
  | { kind: "code"; text: string }
  | { kind: "table"; head: string[]; rows: string[][] };

function splitRow(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((c) => c.trim());
}

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const trimmed = line.trim();
    if (trimmed === "") {
      i++;
      continue;
    }
    if (trimmed.startsWith("```")) {
      const body: string[] = [];
      const indent = line.length - line.trimStart().length;
      i++;
      while (i < lines.length && !lines[i].trim().startsWith("```")) {
        body.push(lines[i].slice(Math.min(indent, lines[i].length - lines[i].trimStart().length)));
        i++;
      }
      i++;
      blocks.push({ kind: "code", text: body.join("\n") });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(trimmed);
    if (heading) {
      blocks.push({ kind: "heading", level: heading[1].length, text: heading[2] });
      i++;
      continue;
    }
    if (trimmed.startsWith("|")) {
      const rows: string[][] = [];
      while (i < lines.length && lines[i].trim().startsWith("|")) {
        const cells = splitRow(lines[i]);
        if (!cells.every((c) => /^:?-{2,}:?$/.test(c))) rows.push(cells);
        i++;
      }
      blocks.push({ kind: "table", head: rows[0] ?? [], rows: rows.slice(1) });
      continue;
    }
    if (/^[-*]\s+/.test(trimmed)) {
      // items, each with its continuation lines and nested code blocks
      const items: string[][] = [];
      while (i < lines.length) {
        const l = lines[i];
        const t = l.trim();
        if (/^[-*]\s+/.test(t) && l.length - l.trimStart().length < 2) {
          items.push([t.replace(/^[-*]\s+/, "")]);
          i++;
        } else if (t === "" && i + 1 < lines.length && /^\s{2,}\S/.test(lines[i + 1])) {
          i++;
        } else if (/^\s{2,}\S/.test(l) && items.length) {
          items[items.length - 1].push(l);
          i++;
        } else break;
      }
      blocks.push({ kind: "list", items });
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i].trim() !== "" && !/^(#{1,6}\s|```|\||[-*]\s)/.test(lines[i].trim())) {
      para.push(lines[i].trim());
      i++;
    }
    blocks.push({ kind: "paragraph", text: para.join("") });
  }
  return blocks;
}

const INLINE = /(\*\*[^*]+\*\*|`[^`]+`|\[[^\]]+\]\([^)]+\))/g;

function inline(text: string, onRuleLink: MarkdownProps["onRuleLink"], keyBase: string): React.ReactNode[] {
  const out: React.ReactNode[] = [];
  let last = 0;
  let k = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    const token = m[0];
    const key = `${keyBase}-${k++}`;
    if (token.startsWith("**")) out.push(<strong key={key}>{token.slice(2, -2)}</strong>);
    else if (token.startsWith("`")) out.push(<code key={key}>{token.slice(1, -1)}</code>);
    else {
      const link = /^\[([^\]]+)\]\(([^)]+)\)$/.exec(token);
      const label = link ? link[1] : token;
      const href = link ? link[2] : "";
      const rule = /^(?:\.\/)?([a-z0-9-]+)\.md$/.exec(href);
      if (rule && onRuleLink && rule[1] !== "README") {
        out.push(
          <a
            key={key}
            href={`docs/rules/${rule[1]}.md`}
            onClick={(e) => {
              e.preventDefault();
              onRuleLink(rule[1]);
            }}
          >
            {label}
          </a>
        );
      } else out.push(<span key={key}>{label}</span>);
    }
    last = at + token.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function listItem(lines: string[], onRuleLink: MarkdownProps["onRuleLink"], key: string): React.ReactNode {
  // an item may carry an indented code block
  const parts: React.ReactNode[] = [];
  let text: string[] = [];
  let code: string[] | null = null;
  let k = 0;
  for (const raw of lines) {
    const t = raw.trim();
    if (t.startsWith("```")) {
      if (code === null) {
        if (text.length)
          parts.push(<span key={`${key}-t${k++}`}>{inline(text.join(""), onRuleLink, `${key}-${k}`)}</span>);
        text = [];
        code = [];
      } else {
        parts.push(<pre key={`${key}-c${k++}`}>{code.join("\n")}</pre>);
        code = null;
      }
      continue;
    }
    if (code !== null) code.push(t);
    else text.push(t);
  }
  if (text.length) parts.push(<span key={`${key}-t${k++}`}>{inline(text.join(""), onRuleLink, `${key}-${k}`)}</span>);
  return <li key={key}>{parts}</li>;
}

export function Markdown(props: MarkdownProps): React.JSX.Element {
  const blocks = React.useMemo(() => parseMarkdown(props.source), [props.source]);
  const { onRuleLink } = props;
  return (
    <div className={props.className}>
      {blocks.map((b, i) => {
        const key = `b${i}`;
        switch (b.kind) {
          case "heading": {
            const Tag = `h${Math.min(6, b.level + 2)}` as unknown as "h3";
            return <Tag key={key}>{inline(b.text, onRuleLink, key)}</Tag>;
          }
          case "paragraph":
            return <p key={key}>{inline(b.text, onRuleLink, key)}</p>;
          case "code":
            return <pre key={key}>{b.text}</pre>;
          case "list":
            return <ul key={key}>{b.items.map((it, j) => listItem(it, onRuleLink, `${key}-${j}`))}</ul>;
          case "table":
            return (
              <div key={key} style={{ overflowX: "auto" }}>
                <table>
                  <thead>
                    <tr>
                      {b.head.map((c, j) => (
                        <th key={j}>{inline(c, onRuleLink, `${key}-h${j}`)}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {b.rows.map((r, j) => (
                      <tr key={j}>
                        {r.map((c, m) => (
                          <td key={m}>{inline(c, onRuleLink, `${key}-${j}-${m}`)}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
        }
      })}
    </div>
  );
}
