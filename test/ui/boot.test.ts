/** @jest-environment jsdom */
/**
 * src/boot/boot.js: where the bundles cannot run (the Internet Explorer 11 webview of some Office
 * builds, or a webview older than the build targets) the task pane says why and what to do, and the
 * ribbon buttons open that message instead of doing nothing.
 */
import fs from "node:fs";
import path from "node:path";

const BOOT = fs.readFileSync(path.join(__dirname, "../../src/boot/boot.js"), "utf8");
const IE11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko";
const EDGE = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0";

function page(kind: "taskpane" | "commands", userAgent: string): void {
  Object.defineProperty(window.navigator, "userAgent", { value: userAgent, configurable: true });
  document.documentElement.removeAttribute("data-started");
  document.documentElement.toggleAttribute("data-commands", kind === "commands");
  document.body.innerHTML =
    kind === "taskpane"
      ? `<div id="container"></div><div id="boot-message" style="display: none"><h1 id="boot-reason"></h1><p id="boot-way-out"></p></div>`
      : "";
  // run as the page would: a classic script in the window's global scope
  const script = document.createElement("script");
  script.textContent = BOOT;
  document.head.appendChild(script);
  script.remove();
}

const message = () => document.getElementById("boot-message")!;
const fail = (filename: string) =>
  window.dispatchEvent(new ErrorEvent("error", { filename, message: "SyntaxError: Expected identifier" }));

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("the task pane where the bundles cannot run", () => {
  test("Internet Explorer 11: the reason and the way out, in Chinese, instead of a blank pane", () => {
    page("taskpane", IE11);
    expect(message().style.display).toBe("block");
    expect(document.getElementById("container")!.style.display).toBe("none");
    expect(message().textContent).toMatch(/Internet Explorer 11/);
    expect(message().textContent).toMatch(/WebView2 运行时/);
    expect(message().textContent).toMatch(/web\.html/);
  });

  test("a modern webview: nothing shown; an error of our own script before the pane started shows the message", () => {
    page("taskpane", EDGE);
    expect(message().style.display).toBe("none");
    fail("https://cdn.example.com/office.js"); // not ours: office.js, another origin
    expect(message().style.display).toBe("none");
    fail(`${window.location.origin}/react.1234.js`);
    expect(message().style.display).toBe("block");
    expect(document.getElementById("boot-reason")!.textContent).toMatch(/未能启动.*SyntaxError/);
  });

  test("once the pane has started, later errors are the pane's own business", () => {
    page("taskpane", EDGE);
    document.documentElement.setAttribute("data-started", "");
    fail(`${window.location.origin}/taskpane.1234.js`);
    expect(message().style.display).toBe("none");
  });
});

describe("the ribbon buttons where the function file cannot run", () => {
  function fakeOffice(dialogOk: boolean) {
    const associated = new Map<string, (event: { completed(): void }) => void>();
    const handlers: Array<() => void> = [];
    const opened: string[] = [];
    (globalThis as { Office?: unknown }).Office = {
      onReady: (f: () => void) => f(),
      actions: { associate: (name: string, f: (event: { completed(): void }) => void) => associated.set(name, f) },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      EventType: { DialogMessageReceived: "m", DialogEventReceived: "e" },
      context: {
        ui: {
          displayDialogAsync: (url: string, _o: unknown, cb: (r: unknown) => void) => {
            opened.push(url);
            cb(
              dialogOk
                ? { status: "succeeded", value: { close: () => undefined, addEventHandler: (_t: string, h: () => void) => handlers.push(h) } }
                : { status: "failed", error: { message: "blocked" } },
            );
          },
        },
      },
    };
    return { associated, handlers, opened };
  }

  test("Internet Explorer 11: both buttons open the message and are released when it is closed", () => {
    const office = fakeOffice(true);
    page("commands", IE11);
    expect([...office.associated.keys()].sort()).toEqual(["checkWorkbook", "clearMarks"]);
    const completed = jest.fn();
    office.associated.get("checkWorkbook")!({ completed });
    expect(office.opened).toEqual([`${window.location.origin}/unsupported.html`]);
    expect(completed).not.toHaveBeenCalled();
    office.handlers[0]();
    expect(completed).toHaveBeenCalledTimes(1);
  });

  test("no dialog possible: the button is released at once", () => {
    const office = fakeOffice(false);
    page("commands", IE11);
    const completed = jest.fn();
    office.associated.get("clearMarks")!({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
  });

  test("a modern webview: the real function file registers the buttons, not this", () => {
    const office = fakeOffice(true);
    page("commands", EDGE);
    expect(office.associated.size).toBe(0);
  });
});
