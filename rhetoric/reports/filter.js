/* rhetoric report filter: inline, no network. Shows the form (hidden without scripts) and hides
   elements whose data-actor, data-tags or data-date do not match. Dates compare as periods:
   "2024" matches from 2024-06 (it may fall in it). */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  form.hidden = false;
  var cards = document.querySelectorAll(".card");

  function inPeriod(date, from, to) {
    if (!date) { return !from && !to; }
    if (from && date.slice(0, from.length) < from.slice(0, date.length)) { return false; }
    if (to && date.slice(0, to.length) > to.slice(0, date.length)) { return false; }
    return true;
  }

  function matches(el, actor, tag, from, to) {
    var d = el.dataset;
    if (actor && d.actor !== undefined && d.actor.split(" ").indexOf(actor) < 0) { return false; }
    if (tag && d.tags !== undefined && d.tags.split(" ").indexOf(tag) < 0) { return false; }
    if ((from || to) && d.date !== undefined && !inPeriod(d.date, from, to)) { return false; }
    return true;
  }

  function apply() {
    var actor = form.elements.actor.value;
    var tag = form.elements.tag.value;
    var from = form.elements.from.value.trim();
    var to = form.elements.to.value.trim();
    var items = document.querySelectorAll("[data-actor]");
    for (var i = 0; i < items.length; i++) {
      items[i].hidden = !matches(items[i], actor, tag, from, to);
    }
    var shown = 0;
    for (var k = 0; k < cards.length; k++) {
      if (!cards[k].hidden && !cards[k].closest("[hidden]")) { shown++; }
    }
    form.elements.count.value = shown + " of " + cards.length + " statement cards shown";
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  apply();
})();
