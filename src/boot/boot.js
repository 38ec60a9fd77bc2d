/* global window, navigator, document, Office */
/*
 * Loaded before the bundles by taskpane.html, commands.html and unsupported.html, and written in
 * ES5 so that it runs where they cannot: the Internet Explorer 11 webview ("Trident"), which some
 * Office builds still use (no WebView2 runtime on Windows 10 before 1903 …). There the task pane
 * says in Chinese why it cannot run and what to do instead of staying blank, and the ribbon buttons
 * open the same message instead of doing nothing. It also shows the message when the bundles fail
 * before the pane has started (a webview older than the build's targets). Nothing here runs once
 * the pane has started (data-started on <html>, set by src/taskpane/index.tsx).
 */
(function () {
  "use strict";

  var ua = (window.navigator && navigator.userAgent) || "";
  var trident = ua.indexOf("Trident/") !== -1 || ua.indexOf("MSIE ") !== -1 || !!document.documentMode;
  var WAY_OUT =
    "解决办法：安装 Microsoft Edge WebView2 运行时（微软官网“Microsoft Edge WebView2”页面，" +
    "“常青版引导程序”），重启 Excel 后再打开本助手；或改用 Excel 网页版；或不经 Excel，" +
    "在浏览器中打开本助手的网页版（web.html），同样可以校验 .xlsx 文件。";
  var REASON_IE = "此版本的 Office 使用 Internet Explorer 11 的组件显示加载项，绩效目标表助手无法在其中运行。";

  function started() {
    return document.documentElement.hasAttribute("data-started");
  }

  function show(reason) {
    var box = document.getElementById("boot-message");
    if (!box || started()) return;
    var title = document.getElementById("boot-reason");
    var way = document.getElementById("boot-way-out");
    if (title) title.textContent = reason;
    if (way) way.textContent = WAY_OUT;
    box.style.display = "block";
    var container = document.getElementById("container");
    if (container) container.style.display = "none";
  }

  /* ---------------------------------------------------------------- ribbon */

  var registered = false;

  /** The ribbon buttons open unsupported.html in a dialog; the button is released when it closes. */
  function fallbackCommand(event) {
    var done = false;
    function complete() {
      if (done) return;
      done = true;
      try {
        event.completed();
      } catch (e) {
        /* already completed */
      }
    }
    try {
      var url = window.location.href.replace(/[?#].*$/, "").replace(/[^/]*$/, "unsupported.html");
      Office.context.ui.displayDialogAsync(url, { height: 40, width: 40, displayInIframe: true }, function (res) {
        if (res.status !== Office.AsyncResultStatus.Succeeded) return complete();
        var dialog = res.value;
        var close = function () {
          try {
            dialog.close();
          } catch (e) {
            /* closed */
          }
          complete();
        };
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, close);
        dialog.addEventHandler(Office.EventType.DialogEventReceived, close);
      });
    } catch (e) {
      complete();
    }
  }

  function registerFallbackCommands() {
    if (registered || typeof Office === "undefined" || !document.documentElement.hasAttribute("data-commands")) return;
    registered = true;
    Office.onReady(function () {
      if (Office.actions && Office.actions.associate) {
        Office.actions.associate("checkWorkbook", fallbackCommand);
        Office.actions.associate("clearMarks", fallbackCommand);
      }
    });
  }

  /* ------------------------------------------------------- the dialog page */

  function wireDialog() {
    var button = document.getElementById("boot-close");
    if (!button) return;
    var way = document.getElementById("boot-way-out");
    if (way) way.textContent = WAY_OUT;
    if (trident) {
      var title = document.getElementById("boot-reason");
      if (title) title.textContent = REASON_IE;
    }
    button.onclick = function () {
      if (typeof Office !== "undefined" && Office.context && Office.context.ui && Office.context.ui.messageParent)
        Office.context.ui.messageParent("close");
    };
  }

  /* ------------------------------------------------------------------ run */

  /** An error thrown by one of the add-in's own scripts before the pane started. */
  function onError(e) {
    if (started()) return;
    var file = (e && e.filename) || "";
    var origin = window.location.protocol + "//" + window.location.host + "/";
    if (file.indexOf(origin) !== 0 || file.indexOf("/office-js/") !== -1) return;
    show(
      "绩效目标表助手未能启动：当前 Office 使用的浏览器组件太旧，无法运行本加载项（" +
        (e.message || "脚本错误") +
        "）。"
    );
    registerFallbackCommands();
  }

  window.addEventListener("error", onError, true);
  if (trident) registerFallbackCommands();
  function ready() {
    wireDialog();
    if (trident) show(REASON_IE);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
