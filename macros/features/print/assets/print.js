/* Print: reveal the "打印" buttons (hidden without JavaScript), and expand collapsed content on paper. */
(function () {
  "use strict";
  function reveal() {
    var buttons = document.querySelectorAll("[data-pp-print]");
    for (var i = 0; i < buttons.length; i++) buttons[i].hidden = false;
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-pp-print]");
    if (button) {
      event.preventDefault();
      window.print();
    }
  });
  var opened = [];
  window.addEventListener("beforeprint", function () {
    var closed = document.querySelectorAll("details:not([open])");
    for (var i = 0; i < closed.length; i++) {
      closed[i].open = true;
      opened.push(closed[i]);
    }
  });
  window.addEventListener("afterprint", function () {
    while (opened.length) opened.pop().open = false;
  });
  reveal();
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(reveal);
})();
