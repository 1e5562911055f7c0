/*
 * uh:ruleEditor: DRL highlighting and problem markers on PrimeFaces Extensions' CodeMirror editor.
 * The composite renders a container with data-widget (the pe:codeMirror widget's name) and
 * data-problems (JSON: [{line, column, message}], lines and columns from 1, 0 when unknown).
 */
(function () {
  "use strict";

  var MIME = "text/x-drl";

  function wordSet(words) {
    var set = {};
    words.split(" ").forEach(function (word) { set[word] = true; });
    return set;
  }

  function defineDrl() {
    if (CodeMirror.mimeModes[MIME]) {
      return;
    }
    // DRL as CodeMirror's C-like mode sees Java, with DRL's keywords.
    CodeMirror.defineMIME(MIME, {
      name: "clike",
      keywords: wordSet("rule when then end not exists forall accumulate and or in from salience "
          + "no-loop lock-on-active activation-group enabled date-effective date-expires "
          + "contains excludes memberOf str startsWith endsWith count sum min max average this "
          + "import package global"),
      types: wordSet(""),
      blockKeywords: wordSet("when then"),
      atoms: wordSet("true false null"),
      builtin: wordSet("actions"),
      modeProps: {fold: ["brace"]}
    });
  }

  function annotation(cm, problem) {
    var line = Math.min(problem.line, cm.lineCount()) - 1;
    var text = cm.getLine(line) || "";
    var from = problem.column > 0 ? Math.min(problem.column - 1, text.length) : 0;
    var to = from;
    while (to < text.length && /[\w$]/.test(text.charAt(to))) {
      to++;
    }
    if (to === from) {
      to = problem.column > 0 ? Math.min(from + 1, text.length) : text.length;
    }
    return {
      from: CodeMirror.Pos(line, from),
      to: CodeMirror.Pos(line, to),
      message: problem.message,
      severity: "error"
    };
  }

  // CodeMirror types into a hidden textarea of its own: give it the editor's name (WCAG 4.1.2).
  function label(container, cm) {
    var name = container.getAttribute("data-label");
    if (name) {
      cm.getInputField().setAttribute("aria-label", name);
    }
  }

  function mark(container, cm) {
    label(container, cm);
    var problems = JSON.parse(container.getAttribute("data-problems") || "[]");
    defineDrl();
    cm.setOption("mode", MIME);
    cm.setOption("lint", false);
    cm.setOption("gutters", ["CodeMirror-linenumbers", "CodeMirror-lint-markers"]);
    cm.setOption("lint", {
      lintOnChange: false,
      getAnnotations: function () {
        return problems
          .filter(function (problem) { return problem.line > 0; })
          .map(function (problem) { return annotation(cm, problem); });
      }
    });
    $(container).off("click.uh").on("click.uh", "a.uh-rule-problem", function (event) {
      event.preventDefault();
      var line = parseInt(this.getAttribute("data-line"), 10);
      var column = parseInt(this.getAttribute("data-column"), 10);
      if (line > 0) {
        cm.focus();
        cm.setCursor(CodeMirror.Pos(line - 1, Math.max(column - 1, 0)));
        cm.scrollIntoView(null, 60);
      }
    });
  }

  function markWidget(container) {
    var widget = PrimeFaces.widgets[container.getAttribute("data-widget")];
    if (widget && widget.instance) {
      mark(container, widget.instance);
    }
  }

  if (!window.CodeMirror) {
    return;
  }
  // pe:codeMirror creates its editor when it becomes visible (a deferred widget), possibly long
  // after the page loaded, and again after every ajax update of the composite: mark each editor
  // inside a uh:ruleEditor as it is created, once its options are in place.
  CodeMirror.defineInitHook(function (cm) {
    var container = $(cm.getWrapperElement()).closest(".uh-rule-editor")[0];
    if (container) {
      label(container, cm);
      setTimeout(function () { mark(container, cm); }, 0);
    }
  });
  $(function () {
    $(".uh-rule-editor[data-widget]").each(function () { markWidget(this); });
  });
})();
