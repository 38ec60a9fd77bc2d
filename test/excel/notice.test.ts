/**
 * @jest-environment jsdom
 */
/** The dialog page: the ribbon's notice rendered as text (never as HTML). */
import { renderNotice } from "../../src/commands/ribbon";

it("renders the notice text with a 确定 button", () => {
  const ok = renderNotice(document, new URLSearchParams({ notice: "发现错误 1 条<script>x</script>", title: "校验完成", kind: "result" }));
  expect(ok).toBe(true);
  expect(document.querySelector("h1")?.textContent).toBe("校验完成");
  expect(document.querySelector("p")?.textContent).toBe("发现错误 1 条<script>x</script>");
  expect(document.querySelector("script")).toBeNull();
  expect(document.querySelector("button")?.textContent).toBe("确定");
  expect(renderNotice(document, new URLSearchParams())).toBe(false);
});
