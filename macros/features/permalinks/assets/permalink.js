/* 复制链接 / 引用 / 嵌入 (templates/_permalink.html of this feature).
 *
 * Without JavaScript each control is a <details> that opens and shows the text to copy by hand.
 * With it, one tap copies the text (Clipboard API, else the older execCommand) and says so; when
 * neither works (an http:// site, an old phone, a refused permission) the panel opens with the text
 * selected, ready to copy by hand. Plain ES5 so that old phone browsers run it without errors.
 */
(function () {
  "use strict";

  function controlOf(node) {
    for (; node && node !== document; node = node.parentNode) {
      if (node.nodeName === "SUMMARY") {
        var details = node.parentNode;
        return details && details.className && /(^|\s)pp-copy(\s|$)/.test(details.className) ? details : null;
      }
    }
    return null;
  }

  function say(details, text) {
    var group = details.parentNode;
    var box = group && group.querySelector ? group.querySelector(".pp-copy__status") : null;
    if (box) box.textContent = text;
  }

  function select(field) {
    try {
      field.focus();
      field.select();
      if (field.setSelectionRange) field.setSelectionRange(0, field.value.length);
    } catch (error) { /* nothing to select: the text is still shown */ }
  }

  function copyByHand(details, field, what) {
    details.open = true;
    select(field);
    var copied = false;
    try { copied = !!(document.execCommand && document.execCommand("copy")); } catch (error) { copied = false; }
    say(details, copied ? what + "已复制。" : "请选中或长按上面的文字复制。");
  }

  document.addEventListener("click", function (event) {
    var details = controlOf(event.target);
    if (!details || details.open) return; // closing the panel: leave it to the browser
    var field = details.querySelector(".pp-copy__field");
    if (!field) return;
    var what = details.getAttribute("data-pp-what") || "";
    if (!details.hasAttribute("data-pp-show")) event.preventDefault(); // a link is copied, not shown
    var clipboard = window.isSecureContext && navigator.clipboard && navigator.clipboard.writeText;
    if (!clipboard) {
      copyByHand(details, field, what);
      return;
    }
    navigator.clipboard.writeText(field.value).then(
      function () { say(details, what + "已复制：" + (what === "链接" ? field.value : "可以粘贴了")); },
      function () { copyByHand(details, field, what); }
    );
  });
})();
