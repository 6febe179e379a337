// Comfort only: every page works without this script. Sorting a table by a click on its header.
(function () {
  "use strict";
  function key(cell, numeric) {
    var text = cell.textContent.trim();
    if (!numeric) return text.toLocaleLowerCase("ru");
    var n = parseFloat(text.replace(/\s/g, "").replace(",", ".").replace("%", ""));
    return isNaN(n) ? -Infinity : n;
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var headers = table.querySelectorAll("thead th");
    headers.forEach(function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = th.textContent;
      button.title = "Упорядочить по столбцу";
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var numeric = th.classList.contains("num");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a.cells[index], numeric), y = key(b.cells[index], numeric);
          var order = x < y ? -1 : x > y ? 1 : 0;
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
  // A form with a file field takes a file dropped anywhere on it (the browser's own drop reaches
  // the small field only) and names the file chosen. Without the script the field works as is.
  function size(bytes) {
    if (bytes < 1024) return bytes + " Б";
    if (bytes < 1024 * 1024) return Math.round(bytes / 1024) + " КБ";
    return (bytes / (1024 * 1024)).toFixed(1).replace(".", ",") + " МБ";
  }
  function hasFiles(event) {
    var types = event.dataTransfer && event.dataTransfer.types;
    return !!types && Array.prototype.indexOf.call(types, "Files") !== -1;
  }
  document.querySelectorAll("form").forEach(function (form) {
    var input = form.querySelector("input[type=file]");
    if (!input) return;
    var zone = form.querySelector("fieldset") || form;
    zone.classList.add("dropzone");
    var chosen = document.createElement("p");
    chosen.className = "chosen";
    chosen.setAttribute("aria-live", "polite");
    input.parentNode.insertBefore(chosen, input.nextSibling);
    function show(note) {
      var file = input.files && input.files[0];
      chosen.textContent = file ? "Выбран файл: " + file.name + " (" + size(file.size) + ")" + (note || "") : "";
    }
    input.addEventListener("change", function () { show(""); });
    var depth = 0;
    zone.addEventListener("dragenter", function (event) {
      if (!hasFiles(event)) return;
      depth += 1;
      zone.classList.add("dropping");
    });
    zone.addEventListener("dragover", function (event) {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "copy";
    });
    zone.addEventListener("dragleave", function (event) {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) zone.classList.remove("dropping");
    });
    zone.addEventListener("drop", function (event) {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      zone.classList.remove("dropping");
      var files = event.dataTransfer.files;
      if (!files || files.length === 0) return;
      var note = "";
      if (files.length > 1 && !input.multiple) {
        // The field takes one file: the first of those dropped.
        try {
          var one = new DataTransfer();
          one.items.add(files[0]);
          files = one.files;
        } catch (e) { /* an older browser: the field keeps what it takes of the list */ }
        note = "; перетащено файлов: " + event.dataTransfer.files.length + ", взят первый";
      }
      try {
        input.files = files;
      } catch (e) {
        chosen.textContent = "Этот браузер не принимает перетаскивание: выберите файл кнопкой.";
        return;
      }
      input.dispatchEvent(new Event("change", { bubbles: true }));
      show(note);
    });
  });
  // A file dropped beside the form is not opened by the browser in place of the page.
  ["dragover", "drop"].forEach(function (name) {
    document.addEventListener(name, function (event) {
      if (hasFiles(event)) event.preventDefault();
    });
  });
  // A form marked data-confirm asks before it is sent.
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) event.preventDefault();
    });
  });
})();
