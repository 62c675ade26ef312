// Sorting and topic filtering for paper lists. A `select[data-sort-lists]` names the lists (by id)
// whose cards it orders; a `select[data-filter-lists]` hides cards of other topics. The controls
// stay hidden without JavaScript, and the page keeps the order it was built in.
(function () {
  "use strict";
  var sorter = document.querySelector("select[data-sort-lists]");
  var filter = document.querySelector("select[data-filter-lists]");
  if (!sorter && !filter) return;

  function cards(list) { return Array.prototype.slice.call(list.querySelectorAll(".paper-card")); }
  function lists(select) {
    return select.getAttribute(select.hasAttribute("data-sort-lists") ? "data-sort-lists" : "data-filter-lists")
      .split(" ").map(function (id) { return document.getElementById(id); }).filter(Boolean);
  }

  // What a card is sorted and filtered by, read from what it shows (the page does not repeat it in
  // attributes): its date, upvotes, title (accents folded, lowercase) and the slug of its topic link.
  function describe(card, i) {
    var time = card.querySelector("time[datetime]");
    var votes = card.querySelector(".upvotes");
    var link = card.querySelector("h3 a");
    var chip = card.querySelector(".topic-chip");
    var slug = chip && /topics\/([^\/]+)\/index\.html$/.exec(chip.getAttribute("href") || "");
    card.dataset.rank = String(i);
    card.dataset.date = time ? time.getAttribute("datetime") : "";
    card.dataset.upvotes = votes ? votes.textContent.replace(/[^0-9]/g, "") || "0" : "0";
    card.dataset.title = (link ? link.textContent : "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    card.dataset.topic = slug ? slug[1] : "";
  }

  // The built order is the "rank" order; remember it before anything moves.
  var all = [];
  [sorter, filter].filter(Boolean).forEach(function (select) {
    lists(select).forEach(function (list) {
      cards(list).forEach(function (card, i) { describe(card, i); all.push(card); });
    });
  });

  var compare = {
    rank: function (a, b) { return Number(a.dataset.rank) - Number(b.dataset.rank); },
    date: function (a, b) {
      var x = a.dataset.date || "", y = b.dataset.date || "";
      if (x !== y) return x === "" ? 1 : y === "" ? -1 : (x < y ? 1 : -1);
      return compare.title(a, b);
    },
    upvotes: function (a, b) {
      return Number(b.dataset.upvotes) - Number(a.dataset.upvotes) || compare.date(a, b);
    },
    title: function (a, b) {
      return a.dataset.title < b.dataset.title ? -1 : a.dataset.title > b.dataset.title ? 1 : compare.rank(a, b);
    }
  };

  var count = document.querySelector(".list-count");

  function apply() {
    if (sorter) {
      var by = compare[sorter.value] || compare.rank;
      lists(sorter).forEach(function (list) {
        cards(list).sort(by).forEach(function (card) { list.appendChild(card); });
      });
    }
    if (filter) {
      var topic = filter.value;
      var shown = 0;
      all.forEach(function (card) {
        card.hidden = topic !== "" && card.dataset.topic !== topic;
        if (!card.hidden) shown += 1;
      });
      if (count) count.textContent = shown + (shown === 1 ? " paper" : " papers") + (topic ? " in this topic" : "");
    }
    var params = new URLSearchParams(window.location.search);
    if (sorter) params.set("sort", sorter.value);
    if (filter) { if (filter.value) params.set("topic", filter.value); else params.delete("topic"); }
    if (window.history && history.replaceState) history.replaceState(null, "", "?" + params.toString() + window.location.hash);
  }

  // `?sort=upvotes&topic=slug` restores a choice, so a sorted list can be linked to.
  var initial = new URLSearchParams(window.location.search);
  function choose(select, value) {
    if (select && value && select.querySelector('option[value="' + value.replace(/[^a-z0-9-]/gi, "") + '"]')) select.value = value;
  }
  choose(sorter, initial.get("sort"));
  choose(filter, initial.get("topic"));

  [sorter, filter].filter(Boolean).forEach(function (select) { select.addEventListener("change", apply); });
  Array.prototype.forEach.call(document.querySelectorAll(".list-controls"), function (c) { c.hidden = false; });
  if (initial.get("sort") || initial.get("topic")) apply();
})();
