// specgen reference site: theme switch, search across operations and models, copy buttons.
// Plain script (no modules, no fetch) so the site works when opened from file://.
(function () {
  "use strict";
  var root = document.documentElement;

  // Theme: the reader's choice, else the system's; kept in localStorage when allowed.
  var toggle = document.getElementById("theme-toggle");
  function current() {
    if (root.dataset.theme) return root.dataset.theme;
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  function show(theme) {
    toggle.setAttribute("aria-pressed", theme === "dark" ? "true" : "false");
    toggle.textContent = theme === "dark" ? "Light theme" : "Dark theme";
  }
  toggle.addEventListener("click", function () {
    var next = current() === "dark" ? "light" : "dark";
    root.dataset.theme = next;
    try { localStorage.setItem("specgen-theme", next); } catch (e) { /* file:// may refuse */ }
    show(next);
  });
  show(current());

  // Search: each entry is [kind, name, detail, link]; lower-cased copies are made once.
  var index = window.SPECGEN_INDEX || [];
  var names = new Array(index.length), details = new Array(index.length);
  for (var i = 0; i < index.length; i++) {
    names[i] = index[i][1].toLowerCase();
    details[i] = index[i][2].toLowerCase();
  }
  function search(query, limit) {
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    var found = [];
    for (var i = 0; i < index.length; i++) {
      var score = 0, name = names[i], detail = details[i];
      for (var w = 0; w < words.length; w++) {
        var word = words[w];
        if (name === word) score += 100;
        else if (name.indexOf(word) === 0) score += 40;
        else if (name.indexOf(word) >= 0) score += 20;
        else if (detail.indexOf(word) >= 0) score += 5;
        else { score = 0; break; }
      }
      if (score) found.push([score, i]);
    }
    found.sort(function (a, b) { return b[0] - a[0] || names[a[1]].length - names[b[1]].length; });
    return found.slice(0, limit || 20).map(function (pair) { return index[pair[1]]; });
  }
  window.specgenSearch = search;

  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  function render() {
    var hits = search(input.value, 20);
    list.textContent = "";
    hits.forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = hit[3];
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = hit[0] === "op" ? "operation" : "model";
      var detail = document.createElement("span");
      detail.className = "detail";
      detail.textContent = hit[2];
      link.appendChild(kind);
      link.appendChild(document.createTextNode(" " + hit[1]));
      link.appendChild(detail);
      item.appendChild(link);
      list.appendChild(item);
    });
    status.textContent = input.value ? hits.length + (hits.length === 1 ? " result" : " results") : "";
  }
  input.addEventListener("input", render);
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { input.value = ""; render(); }
    if (event.key === "Enter" && list.firstChild) { window.location.href = list.firstChild.firstChild.href; }
  });

  // Copy buttons: the clipboard API where the page may use it, else a selection copy.
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button.copy") : null;
    if (!button) return;
    var code = document.getElementById(button.getAttribute("data-copy"));
    var text = code ? code.textContent : "";
    function done() { button.textContent = "Copied"; setTimeout(function () { button.textContent = "Copy"; }, 1500); }
    function fallback() {
      var area = document.createElement("textarea");
      area.value = text;
      document.body.appendChild(area);
      area.select();
      try { document.execCommand("copy"); } catch (e) { /* nothing more to try */ }
      document.body.removeChild(area);
      done();
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, fallback);
    } else {
      fallback();
    }
  });
})();
