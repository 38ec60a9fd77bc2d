/**
 * The rule docs (docs/rules/<id>.md) rendered to HTML at build time with markdown-it, for the task
 * pane's 设置 view: webpack writes dist/docs/rules/<id>.html next to the .md, and the pane shows
 * that trusted fragment of our own docs, so it carries no Markdown parser. HTML written in the
 * Markdown is escaped (markdown-it's html: false), never interpreted. Headings move two levels down
 * (the page's # is an h3 inside the view); tables scroll sideways in a .table-scroll box; links to
 * other rule pages carry data-rule="<id>" (the view opens them in place), every other link and
 * image is shown as its text (the add-in never links out of its own origin). Lines of a paragraph
 * join without a space, as Chinese text does.
 */
"use strict";

const MarkdownIt = require("markdown-it");

/** "missing-unit.md", "./missing-unit.md" → "missing-unit" (README is not a rule). */
function ruleLink(href) {
  const m = /^(?:\.\/)?([a-z0-9-]+)\.md$/.exec(href || "");
  return m && m[1] !== "README" ? m[1] : null;
}

function ruleDocsRenderer() {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  const rules = md.renderer.rules;
  const shifted = (tag) => `h${Math.min(6, Number(tag.slice(1)) + 2)}`;
  rules.heading_open = (tokens, i) => `<${shifted(tokens[i].tag)}>`;
  rules.heading_close = (tokens, i) => `</${shifted(tokens[i].tag)}>\n`;
  rules.table_open = () => '<div class="table-scroll"><table>\n';
  rules.table_close = () => "</table></div>\n";
  rules.softbreak = () => "";
  rules.link_open = (tokens, i) => {
    const id = ruleLink(tokens[i].attrGet("href"));
    tokens[i].meta = { rule: id };
    return id ? `<a href="docs/rules/${id}.md" data-rule="${id}">` : "<span>";
  };
  rules.link_close = (tokens, i) => {
    // the matching link_open is the nearest one before this close at the same nesting
    for (let j = i - 1; j >= 0; j--)
      if (tokens[j].type === "link_open") return tokens[j].meta.rule ? "</a>" : "</span>";
    return "</span>";
  };
  rules.image = (tokens, i, options, env, self) =>
    md.utils.escapeHtml(self.renderInlineAsText(tokens[i].children, options, env));
  return md;
}

let renderer = null;

/** A rule doc's Markdown → the HTML fragment the 设置 view shows. */
function renderRuleDoc(markdown) {
  renderer ??= ruleDocsRenderer();
  return renderer.render(String(markdown));
}

module.exports = { renderRuleDoc };
