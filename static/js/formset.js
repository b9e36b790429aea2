/* "Add a row" in a Django formset without a round trip: a copy of the formset's empty form
   (<template data-formset-empty>) is appended with the next index and TOTAL_FORMS counted
   up. Without JavaScript the same button posts add_row and the server adds the row. */
document.querySelectorAll("form[data-formset]").forEach(function (form) {
  var prefix = form.dataset.formset;
  var total = form.querySelector("input[name='" + prefix + "-TOTAL_FORMS']");
  var template = form.querySelector("template[data-formset-empty]");
  var rows = form.querySelector("[data-formset-rows]");
  var button = form.querySelector("[data-formset-add]");
  if (!total || !template || !rows || !button) return;
  button.addEventListener("click", function (event) {
    event.preventDefault();
    var index = parseInt(total.value, 10);
    var html = template.innerHTML
      .replace(/__prefix__/g, String(index))
      .replace(/__number__/g, String(index + 1));
    rows.insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    var first = rows.lastElementChild.querySelector("select, input:not([type=hidden])");
    if (first) first.focus();
  });
});
