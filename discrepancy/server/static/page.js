// The page of `discrepancy serve`. Document text is untrusted: it only ever goes
// into .value and .textContent here; the report shown is the server's HTML report
// (every document string escaped there), parsed inert with DOMParser and copied in
// without its script. The page's Content-Security-Policy allows no inline code.
(function () {
  "use strict";
  var SUFFIXES = [".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"];
  var EXTENSIONS = { json: "json", csv: "csv", markdown: "md", html: "html" };
  var MEDIA = { json: "application/json", csv: "text/csv", markdown: "text/markdown",
    html: "text/html" };
  var form = document.getElementById("check-form");
  var summary = document.getElementById("summary");
  var summaryName = document.getElementById("summary-name");
  var list = document.getElementById("sources");
  var statusLine = document.getElementById("status");
  var checkButton = document.getElementById("check");
  var result = document.getElementById("result");
  var reportBox = document.getElementById("report");
  var urlInput = document.getElementById("add-url");
  var linksBox = document.getElementById("links");
  var last = null; // the last successful response: {exit_code, summary, formats}
  var counter = 0;

  function say(text, isError) {
    statusLine.textContent = text;
    statusLine.classList.toggle("error", Boolean(isError));
  }

  function readable(name) {
    var lower = name.toLowerCase();
    return SUFFIXES.some(function (s) { return lower.slice(-s.length) === s; });
  }

  // ------------------------------------------------------------------ sources

  function addSource(kind, value, name) {
    counter += 1;
    var li = document.createElement("li");
    li.className = "source";
    li.setAttribute("data-kind", kind);
    var head = document.createElement("p");
    head.className = "field";
    var nameLabel = document.createElement("label");
    nameLabel.textContent = "Name";
    var nameInput = document.createElement("input");
    nameInput.type = "text";
    nameInput.className = "source-name";
    nameInput.id = "source-name-" + counter;
    nameInput.autocomplete = "off";
    nameInput.placeholder = kind === "url" ? "(the URL)" : "source-" + (list.children.length + 1);
    nameInput.value = name || "";
    nameLabel.htmlFor = nameInput.id;
    var remove = document.createElement("button");
    remove.type = "button";
    remove.className = "remove";
    remove.textContent = "Remove";
    remove.setAttribute("aria-label", "Remove source " + (list.children.length + 1));
    remove.addEventListener("click", function () {
      var next = li.nextElementSibling || li.previousElementSibling;
      li.remove();
      var focus = next ? next.querySelector("textarea, input") : document.getElementById("add-text");
      if (focus) { focus.focus(); }
    });
    head.append(nameLabel, nameInput, remove);
    var body;
    if (kind === "url") {
      body = document.createElement("input");
      body.type = "url";
      body.className = "source-url";
      body.setAttribute("aria-label", "Source URL");
    } else {
      body = document.createElement("textarea");
      body.rows = 6;
      body.spellcheck = false;
      body.className = "source-text";
      body.placeholder = "Paste the source text here";
      body.setAttribute("aria-label", "Source text");
    }
    body.value = value || "";
    li.append(head, body);
    list.append(li);
    return body;
  }

  function readFiles(files, onto) {
    var accepted = Array.prototype.filter.call(files, function (f) { return readable(f.name); });
    var refused = files.length - accepted.length;
    if (refused) {
      say(refused + " file(s) skipped: only .txt, .md and .html files can be read.", true);
    }
    return Promise.all(accepted.map(function (file) {
      return file.text().then(function (text) { onto(file, text); });
    }));
  }

  document.getElementById("add-text").addEventListener("click", function () {
    addSource("text", "", "").focus();
  });
  function addUrl() {
    var url = urlInput.value.trim();
    if (!/^https?:\/\//i.test(url)) {
      say("A URL starts with http:// or https://", true);
      urlInput.focus();
      return;
    }
    addSource("url", url, "");
    urlInput.value = "";
    say("Added " + url);
  }
  document.getElementById("add-url-button").addEventListener("click", addUrl);
  urlInput.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { ev.preventDefault(); addUrl(); }
  });
  var fileInput = document.getElementById("add-files");
  fileInput.addEventListener("change", function () {
    readFiles(fileInput.files, function (file, text) { addSource("text", text, file.name); })
      .then(function () { fileInput.value = ""; });
  });

  function dropZone(el, onFiles) {
    el.addEventListener("dragover", function (ev) {
      ev.preventDefault();
      el.classList.add("over");
    });
    el.addEventListener("dragleave", function () { el.classList.remove("over"); });
    el.addEventListener("drop", function (ev) {
      ev.preventDefault();
      el.classList.remove("over");
      if (ev.dataTransfer && ev.dataTransfer.files.length) { onFiles(ev.dataTransfer.files); }
    });
  }
  dropZone(document.getElementById("drop"), function (files) {
    readFiles(files, function (file, text) { addSource("text", text, file.name); });
  });
  dropZone(summary, function (files) {
    readFiles([files[0]], function (file, text) {
      summary.value = text;
      summaryName.value = file.name;
    });
  });

  // ------------------------------------------------------------------ check

  function documentSpec(name, kind, value) {
    var spec = {};
    if (name) { spec.name = name; }
    spec[kind === "url" ? "url" : "text"] = value;
    return spec;
  }

  function request() {
    var sources = Array.prototype.map.call(list.children, function (li) {
      var kind = li.getAttribute("data-kind");
      var body = li.querySelector(kind === "url" ? ".source-url" : ".source-text");
      return documentSpec(li.querySelector(".source-name").value.trim(), kind,
        kind === "url" ? body.value.trim() : body.value);
    });
    var body = { target: documentSpec(summaryName.value.trim(), "text", summary.value),
      sources: sources };
    if (linksBox.checked) { body.links = true; }
    return body;
  }

  function check() {
    if (!summary.value.trim()) { say("Paste a summary first.", true); summary.focus(); return; }
    if (!list.children.length && !linksBox.checked) {
      say("Add at least one source, or use the summary's links.", true);
      document.getElementById("add-text").focus();
      return;
    }
    checkButton.disabled = true;
    say("Checking…");
    fetch("/api/check?format=all", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(request())
    }, function () {
      throw new Error("the server is not answering (is discrepancy serve still running?)");
    }).then(function (response) {
      return response.text().then(function (text) {
        var data;
        try {
          data = JSON.parse(text);
        } catch (e) {  // not our JSON: a proxy's page, or the Host check's plain text
          data = { error: "HTTP " + response.status + ": " + text.slice(0, 200) };
        }
        return { ok: response.ok, data: data };
      });
    }).then(function (answer) {
      if (!answer.ok) { throw new Error(answer.data.error || "the check failed"); }
      last = answer.data;
      show(last);
      say(last.summary + (last.warnings.length ? " · " + last.warnings.join(" · ") : ""),
        last.warnings.length > 0);
    }).catch(function (err) {
      say("Error: " + err.message, true);
    }).then(function () { checkButton.disabled = false; });
  }

  form.addEventListener("submit", function (ev) { ev.preventDefault(); check(); });
  form.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); check(); }
  });

  // ------------------------------------------------------------------ result

  function show(data) {
    // DOMParser documents are inert: nothing in them runs, loads or fires events.
    // The report's own <style> and <script> (the first of each: document text is escaped,
    // so it has none) are cut first; parsing them would only log CSP refusals.
    var html = data.formats.html.replace(/<style>[\s\S]*?<\/style>/, "")
      .replace(/<script>[\s\S]*?<\/script>/, "");
    var parsed = new DOMParser().parseFromString(html, "text/html");
    parsed.querySelectorAll("script, style, meta, link").forEach(function (el) { el.remove(); });
    var parts = [parsed.querySelector("header .summary"), parsed.querySelector("form.counts"),
      parsed.querySelector("main")];
    var box = document.createElement("div");
    box.className = "report";
    parts.forEach(function (part) {
      if (part) { box.append(document.importNode(part, true)); }
    });
    var main = box.querySelector("main");
    if (main) {
      var div = document.createElement("div");
      div.className = "report-main";
      div.append.apply(div, Array.prototype.slice.call(main.childNodes));
      main.replaceWith(div);
    }
    reportBox.replaceChildren(box);
    result.hidden = false;
    wire(box);
    var first = box.querySelector("mark[data-finding]");
    result.scrollIntoView({ block: "start" });
    if (first) { first.focus({ preventScroll: true }); }
  }

  // The HTML report's behaviour (report/html.js), scoped to the result box.
  function wire(root) {
    var boxes = Array.prototype.slice.call(root.querySelectorAll("input[data-filter]"));
    var items = root.querySelectorAll("[data-finding]");
    var shown = root.querySelector("#shown");
    function apply() {
      var on = { kind: {}, category: {}, severity: {} };
      boxes.forEach(function (b) { on[b.getAttribute("data-filter")][b.value] = b.checked; });
      var count = 0;
      items.forEach(function (el) {
        var visible = on.kind[el.getAttribute("data-kind")] !== false &&
          on.category[el.getAttribute("data-category")] !== false &&
          on.severity[el.getAttribute("data-severity")] !== false;
        el.classList.toggle("off", !visible);
        if (visible && el.tagName === "LI") { count += 1; }
      });
      if (shown) { shown.textContent = String(count); }
    }
    boxes.forEach(function (b) { b.addEventListener("change", apply); });
    function reveal(mark) {
      if (mark.classList.contains("off")) { return; }
      var details = root.querySelector("#finding-" + mark.getAttribute("data-finding") +
        "-details");
      if (!details) { return; }
      details.open = true;
      details.scrollIntoView({ block: "nearest" });
      var summaryEl = details.querySelector("summary");
      if (summaryEl) { summaryEl.focus({ preventScroll: true }); }
    }
    root.querySelectorAll("mark[data-finding]").forEach(function (mark) {
      mark.addEventListener("click", function (ev) { ev.stopPropagation(); reveal(mark); });
      mark.addEventListener("keydown", function (ev) {
        if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); reveal(mark); }
      });
    });
    root.querySelectorAll("a.to-claim").forEach(function (a) {
      a.addEventListener("click", function (ev) {
        ev.preventDefault();
        var mark = root.querySelector(a.getAttribute("href"));
        if (!mark) { return; }
        mark.scrollIntoView({ block: "center" });
        mark.focus({ preventScroll: true });
        mark.classList.add("flash");
        setTimeout(function () { mark.classList.remove("flash"); }, 1200);
      });
    });
    apply();
  }

  // ------------------------------------------------------------------ downloads

  document.querySelectorAll("button[data-download]").forEach(function (button) {
    button.addEventListener("click", function () {
      if (!last) { return; }
      var fmt = button.getAttribute("data-download");
      var blob = new Blob([last.formats[fmt]], { type: MEDIA[fmt] + ";charset=utf-8" });
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "discrepancy-report." + EXTENSIONS[fmt];
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
    });
  });

  addSource("text", "", "");
  document.documentElement.setAttribute("data-page-ready", "1");
})();
