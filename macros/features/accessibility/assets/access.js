/* Reading aids for older readers (适老化): large text, high contrast, read aloud.
 *
 * The buttons are in macros/theme/overrides/partials/access.html. Large text and high contrast are classes on
 * <html>, remembered in localStorage under "pp-access" (the partial applies them before the page
 * paints). Read aloud uses the browser's own speech synthesis in Chinese (zh-CN); nothing is
 * fetched from anywhere. No pop-ups: every state shows on the buttons themselves.
 */
(function () {
  "use strict";
  var KEY = "pp-access";
  var MODES = { large: "pp-large", contrast: "pp-contrast" };
  var root = document.documentElement;

  function load() {
    try { return JSON.parse(localStorage.getItem(KEY)) || {}; } catch (error) { return {}; }
  }

  function save(settings) {
    try { localStorage.setItem(KEY, JSON.stringify(settings)); } catch (error) { /* private mode: this page only */ }
  }

  function each(selector, callback) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), callback);
  }

  var settings = load();

  function apply() {
    Object.keys(MODES).forEach(function (mode) {
      root.classList.toggle(MODES[mode], !!settings[mode]);
    });
    each("[data-pp-mode]", function (button) {
      button.setAttribute("aria-pressed", settings[button.getAttribute("data-pp-mode")] ? "true" : "false");
    });
  }

  each("[data-pp-mode]", function (button) {
    button.addEventListener("click", function () {
      var mode = button.getAttribute("data-pp-mode");
      settings = load();
      settings[mode] = !settings[mode];
      save(settings);
      apply();
    });
  });
  apply();

  /* Another tab changed the settings: follow them. */
  window.addEventListener("storage", function (event) {
    if (event.key === KEY) { settings = load(); apply(); }
  });

  /* ---- Read aloud ---- */
  var synth = window.speechSynthesis;
  var reader = document.querySelector("[data-pp-read]");
  var LABELS = { idle: "朗读正文", reading: "停止朗读" };

  /* The main text of the page, block by block, without the page's action buttons. */
  function mainText() {
    var article = document.querySelector(".md-content__inner");
    if (!article) return "";
    var parts = [];
    Array.prototype.forEach.call(article.children, function (child) {
      if (child.matches("[data-pp-noread], .pp-actions, script, style")) return;
      var text = (child.innerText || "").trim();
      if (text) parts.push(text);
    });
    return parts.join("\n");
  }

  /* Short pieces at sentence ends: browsers stop long utterances part-way. */
  function pieces(text, limit) {
    var out = [];
    var current = "";
    text.replace(/([。！？；\n])/g, "$1\u0000").split("\u0000").forEach(function (sentence) {
      sentence = sentence.trim();
      if (!sentence) return;
      if (current && (current + sentence).length > limit) { out.push(current); current = ""; }
      current += sentence;
      while (current.length > limit) { out.push(current.slice(0, limit)); current = current.slice(limit); }
    });
    if (current) out.push(current);
    return out;
  }

  function chineseVoice() {
    var voices = synth.getVoices() || [];
    return voices.filter(function (v) { return /^zh[-_]CN/i.test(v.lang); })[0] ||
      voices.filter(function (v) { return /^zh/i.test(v.lang); })[0] || null;
  }

  function show(reading) {
    reader.textContent = reading ? LABELS.reading : LABELS.idle;
    reader.setAttribute("aria-pressed", reading ? "true" : "false");
  }

  function stop() {
    synth.cancel();
    show(false);
  }

  function read() {
    synth.cancel();
    var queue = pieces(mainText(), 120);
    if (!queue.length) return;
    var voice = chineseVoice();
    show(true);
    queue.forEach(function (text, index) {
      var utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = "zh-CN";
      if (voice) utterance.voice = voice;
      utterance.rate = 0.9;
      if (index === queue.length - 1) utterance.onend = function () { show(false); };
      utterance.onerror = function () { show(false); };
      synth.speak(utterance);
    });
  }

  if (reader && synth && window.SpeechSynthesisUtterance) {
    reader.hidden = false;
    reader.addEventListener("click", function () {
      if (reader.getAttribute("aria-pressed") === "true") stop(); else read();
    });
    window.addEventListener("pagehide", function () { synth.cancel(); });
  }

  /* ---- Keyboard ---- */
  /* Material's menu and search buttons are <label>s, which Tab skips. */
  each(".md-header label.md-header__button[for]", function (label) {
    label.setAttribute("tabindex", "0");
    label.setAttribute("role", "button");
    if (!label.hasAttribute("aria-label")) {
      label.setAttribute("aria-label", label.getAttribute("for") === "__search" ? "搜索" : "打开导航菜单");
    }
    label.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        event.stopPropagation();  // Material also clicks a focused label on Enter: toggle once
        label.click();
      }
    });
  });

  /* Material wraps Markdown tables in a scrolling box once the page is mounted; a keyboard user
     must be able to focus it to scroll it. So must any other box of the page that scrolls at this
     width and text size (a wide table, a long line of code): checked again when either changes. */
  function scrolls(box) {
    var style = getComputedStyle(box);
    return (/(auto|scroll)/.test(style.overflowX) && box.scrollWidth > box.clientWidth + 1) ||
      (/(auto|scroll)/.test(style.overflowY) && box.scrollHeight > box.clientHeight + 1);
  }
  function focusableTables() {
    each(".md-typeset__scrollwrap:not([tabindex])", function (box) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", "表格，可以左右滑动");
    });
    each(".md-content .pp-scroll:not([tabindex]), .md-content pre, .md-content pre > code, .md-content div:not([tabindex])", function (box) {
      if (box.hasAttribute("tabindex") || !scrolls(box)) return;
      box.setAttribute("tabindex", "0");
      if (box.tagName === "DIV" && !box.hasAttribute("role")) {
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", box.querySelector("table") ? "表格，可以左右滑动" : "可以滑动的内容");
      }
    });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(focusableTables);
  } else {
    window.addEventListener("load", focusableTables);
  }
  var resizing = null;
  window.addEventListener("resize", function () { clearTimeout(resizing); resizing = setTimeout(focusableTables, 100); });
  each("[data-pp-mode]", function (button) { button.addEventListener("click", focusableTables); });

  /* ---- Phone: the bar is one button in the corner that opens the controls (access.css) ---- */
  var bar = document.querySelector(".pp-access");
  var toggle = document.querySelector(".pp-access__toggle");
  function expand(open) {
    bar.classList.toggle("pp-access--open", open);
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  }
  if (bar && toggle) {
    toggle.addEventListener("click", function () { expand(toggle.getAttribute("aria-expanded") !== "true"); });
    bar.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") { expand(false); toggle.focus(); }
    });
  }
})();
