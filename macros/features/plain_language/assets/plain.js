/* Plain-language helpers.
 *
 * Glossary marks (added by glossary_marks.py of this feature): a tap or click on a marked word shows
 * its definition in a bubble next to it, instead of jumping to the list below the page. Escape, a
 * second tap or a tap elsewhere closes it. Without JavaScript the link still leads to the list.
 */
(function () {
  "use strict";
  var bubble = null;
  var owner = null;

  function close() {
    if (!bubble) return;
    bubble.hidden = true;
    if (owner) owner.setAttribute("aria-expanded", "false");
    owner = null;
  }

  function open(term) {
    if (!bubble) {
      bubble = document.createElement("div");
      bubble.className = "pp-term-bubble";
      bubble.setAttribute("role", "tooltip");
      bubble.id = "pp-term-bubble";
      document.body.appendChild(bubble);
    }
    var word = document.createElement("strong");
    word.textContent = term.textContent;
    bubble.textContent = "";
    bubble.appendChild(word);
    bubble.appendChild(document.createTextNode("：" + term.getAttribute("data-def")));
    bubble.hidden = false;
    var box = term.getBoundingClientRect();
    var width = Math.min(320, document.documentElement.clientWidth - 16);
    bubble.style.width = width + "px";
    var left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    bubble.style.left = left + "px";
    bubble.style.top = (box.bottom + window.scrollY + 6) + "px";
    owner = term;
    term.setAttribute("aria-expanded", "true");
  }

  function setUpTerms() {
    Array.prototype.forEach.call(document.querySelectorAll("a.pp-term"), function (term) {
      term.removeAttribute("title"); /* the bubble replaces the browser's tooltip */
      term.setAttribute("role", "button");
      term.setAttribute("aria-expanded", "false");
      term.addEventListener("click", function (event) {
        event.preventDefault();
        if (owner === term) { close(); } else { open(term); }
      });
    });
    document.addEventListener("click", function (event) {
      if (owner && !event.target.closest("a.pp-term, .pp-term-bubble")) close();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && owner) { var term = owner; close(); term.focus(); }
    });
    window.addEventListener("resize", close);
  }

  setUpTerms();
})();
