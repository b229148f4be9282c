/* The site's search (macros/features/search): every form[data-search] searches as the reader types.
   Pagefind's script and index chunks load on first use, from this site only. A search starts on `input`
   and on `compositionend` (input methods, paste, voice: text that arrives without key events); `?q=` on
   any page searches at once (`&plan=` within one plan). From a plan's pages that plan's results come first.
   Result links carry data-search-result. */
(function () {
  "use strict";
  var forms = Array.prototype.slice.call(document.querySelectorAll("form[data-search]"));
  if (!forms.length) return;
  var engine = null;
  var SHOWN = 6;  // a phone shows about this many; each result costs one small fragment file
  var FIRST = 1;  // the best result as soon as its fragment arrives, then the rest
  var ITEM_BOOST = 3;  // a task or part page ranks above a long page that mentions the same words
  var FEW = 3;  // fewer results than this for all the words: also look for each word alone
  var TOP = 3;  // the results a reader sees first: a task or part should be among them
  var words = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter("zh", { granularity: "word" }) : null;

  // Pagefind's results for a query, tasks and parts boosted: [{result, item, score}], best first.
  function ranked(pagefind, query, filters) {
    var items = Object.assign({ kind: "item" }, filters);
    return Promise.all([pagefind.search(query, { filters: filters }), pagefind.search(query, { filters: items })])
      .then(function (found) {
        var boosted = {};
        ((found[1] && found[1].results) || []).forEach(function (r) { boosted[r.id] = true; });
        return ((found[0] && found[0].results) || []).map(function (r) {
          return { result: r, item: !!boosted[r.id], score: r.score * (boosted[r.id] ? ITEM_BOOST : 1) };
        }).sort(function (a, b) { return b.score - a.score; });
      });
  }

  // Pages with every word first; when they are few, then pages with most of the words (a reader's
  // sentence has words that no page has: 包工头跑了不给钱). When no task or part is among the first
  // results, the one with most of the words joins them (公司不发工资: no task says 公司).
  function find(pagefind, query, filters) {
    return ranked(pagefind, query, filters).then(function (all) {
      var itemOnTop = all.slice(0, TOP).some(function (hit) { return hit.item; });
      if ((all.length >= FEW && itemOnTop) || !words) return all;
      var parts = Array.from(words.segment(query)).filter(function (s) { return s.isWordLike; })
        .map(function (s) { return s.segment; });
      if (parts.length < 2) return all;
      return Promise.all(parts.map(function (part) { return ranked(pagefind, part, filters); })).then(function (each) {
        var total = {};
        each.forEach(function (list) {
          var top = list.length ? list[0].score : 1;
          list.forEach(function (hit) {
            var entry = total[hit.result.id] || (total[hit.result.id] = { result: hit.result, item: hit.item, score: 0 });
            entry.score += hit.score / top;  // each word counts as much as the others
          });
        });
        var seen = {};
        all.forEach(function (hit) { seen[hit.result.id] = true; });
        var rest = Object.keys(total).map(function (id) { return total[id]; })
          .filter(function (hit) { return !seen[hit.result.id]; })
          .sort(function (a, b) { return b.score - a.score; });
        if (all.length < FEW) return all.concat(rest);
        var item = rest.filter(function (hit) { return hit.item; })[0];
        if (!item) return all;
        return all.slice(0, TOP - 1).concat([item], all.slice(TOP - 1));
      });
    });
  }

  function load(form) {
    if (!engine) {
      var root = new URL(form.getAttribute("data-search-root"), location.href);
      var script = new URL(form.getAttribute("data-search-bundle") + "pagefind.js", location.href);
      engine = import(script.href).then(function (pagefind) {
        return pagefind.options({
          baseUrl: root.pathname,
          noWorker: true,  // one script less to download: a query's work is small
          excerptLength: 24,
          // Long pages (lists, guides) should not crowd out the task a reader is looking for.
          ranking: { pageLength: 0.6, termFrequency: 1.0, termSaturation: 1.2, termSimilarity: 1.0 }
        }).then(function () { return pagefind.init(); })
          // Loads the WebAssembly, the index's table of chunks and the filters now, not with the first query.
          .then(function () { return pagefind.filters(); })
          .then(function () {
            forms.forEach(function (f) { f.setAttribute("data-search-ready", ""); });
            return pagefind;
          });
      });
      engine.catch(function () { engine = null; });
    }
    return engine;
  }

  function text(tag, className, content) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (content) element.textContent = content;
    return element;
  }

  function render(form, query, results, total, partial) {
    var box = form.querySelector("[data-search-results]");
    box.textContent = "";
    box.appendChild(text("p", "pp-search__count", total ? "找到 " + total + " 条结果" : "没有找到“" + query + "”，换个说法试试"));
    if (results.length) {
      var list = text("ol", "pp-search__list");
      results.forEach(function (data) {
        var item = text("li", "pp-search__item");
        var link = text("a", "pp-search__link", (data.meta && data.meta.title) || data.url);
        link.href = data.url;
        link.setAttribute("data-search-result", "");
        item.appendChild(link);
        if (data.meta && data.meta.plan) {
          item.appendChild(text("p", "pp-search__plan", data.meta.plan + (data.meta.status ? "（" + data.meta.status + "）" : "")));
        }
        var excerpt = text("p", "pp-search__excerpt");
        excerpt.innerHTML = data.excerpt;  // Pagefind's excerpt: the page's text, escaped, with <mark>
        item.appendChild(excerpt);
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    if (!partial) box.setAttribute("data-search-done", query);
    box.hidden = false;
  }

  function attach(form) {
    var input = form.querySelector("input[name=q]");
    var scope = form.querySelector("[name=plan]");
    var box = form.querySelector("[data-search-results]");
    var from = form.getAttribute("data-search-plan");
    var asked = 0;

    function run() {
      var query = input.value.trim();
      var ticket = ++asked;
      box.removeAttribute("data-search-done");
      if (!query) { box.textContent = ""; box.hidden = true; return; }
      load(form).then(function (pagefind) {
        var only = scope && scope.value;
        var searches = [find(pagefind, query, only ? { plan: only } : {})];
        if (from && !only) searches.unshift(find(pagefind, query, { plan: from }));
        return Promise.all(searches).then(function (found) {
          var seen = {}, merged = [];
          found.forEach(function (hits) {
            hits.forEach(function (hit) {
              if (!seen[hit.result.id]) { seen[hit.result.id] = true; merged.push(hit.result); }
            });
          });
          // The best result alone first (one small download on a slow line), then the rest of the page of results.
          var first = merged.slice(0, FIRST).map(function (result) { return result.data(); });
          return Promise.all(first).then(function (data) {
            if (ticket !== asked) return;
            if (merged.length > FIRST) render(form, query, data, merged.length, true);
            return Promise.all(first.concat(merged.slice(FIRST, SHOWN).map(function (result) { return result.data(); })))
              .then(function (all) { if (ticket === asked) render(form, query, all, merged.length); });
          });
        });
      });
      if (form.hasAttribute("data-search-main") && history.replaceState) {
        var address = new URL(location.href);
        address.searchParams.set("q", query);
        if (scope && scope.value) address.searchParams.set("plan", scope.value); else address.searchParams.delete("plan");
        history.replaceState(null, "", address.href);
      }
    }

    input.addEventListener("input", function (event) {
      if (!event.isComposing) { run(); return; }
      var partial = input.value.trim();  // while an input method composes: fetch the chunks of its words early
      if (partial) load(form).then(function (pagefind) { pagefind.preload(partial); });
    });
    input.addEventListener("compositionend", run);
    input.addEventListener("focus", function () { load(form); }, { once: true });
    if (scope) scope.addEventListener("change", run);
    form.addEventListener("submit", function (event) {
      if (form.hasAttribute("data-search-main")) { event.preventDefault(); run(); }
    });
    form.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !form.hasAttribute("data-search-main")) { box.hidden = true; input.blur(); }
    });
    return { form: form, input: input, scope: scope, run: run };
  }

  var attached = forms.map(attach);
  var params = new URLSearchParams(location.search);
  var query = params.get("q");
  if (query) {  // a link to a search: /search/?q=讨薪&plan=daye-2023, or ?q= on any page
    var target = attached.filter(function (a) { return a.form.hasAttribute("data-search-main"); })[0] || attached[0];
    target.input.value = query;
    var plan = params.get("plan") || params.get("from");
    if (plan && target.scope) target.scope.value = plan;
    else if (plan && !target.form.getAttribute("data-search-plan")) target.form.setAttribute("data-search-plan", plan);
    target.run();
  }
})();
