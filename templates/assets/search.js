// Gazette's search: loads the pieces of the static index it needs (search/manifest.json, the term
// shard of each query word, the metadata shards of the best hits), ranks title matches
// above abstract matches, and lists hits as links. No framework, nothing leaves the site.
// Without JavaScript the form simply opens the list of all papers.
(function () {
  "use strict";
  var form = document.querySelector("form.site-search");
  if (!form || !window.fetch) return;
  var input = form.querySelector("input[type=search]");
  // The results panel and the status line that screen readers announce exist only for the script,
  // so the script adds them (at load, long before the first query, as a live region needs); every
  // page of a large digest is a few hundred bytes lighter for it.
  var status = document.createElement("p");
  status.id = "search-status";
  status.className = "visually-hidden";
  status.setAttribute("aria-live", "polite");
  var panel = document.createElement("div");
  panel.id = "search-results";
  panel.hidden = true;
  form.appendChild(status);
  form.appendChild(panel);
  input.setAttribute("aria-describedby", "search-status");
  var root = form.getAttribute("data-root") || "";
  var cache = {};
  var manifest = null;
  var latest = 0;
  var rendered = -1;
  var LIMIT = 20;

  function load(path) {
    if (!cache[path]) {
      cache[path] = fetch(root + path).then(function (response) {
        if (!response.ok) throw new Error(path + ": " + response.status);
        return response.json();
      });
    }
    return cache[path];
  }

  // The same words the index was built from: folded, lowercase, letters and digits, two or more.
  function words(text) {
    var folded = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    return folded.split(/[^a-z0-9]+/).filter(function (w) { return w.length >= 2; });
  }

  // Posting lists are strings of gaps between ascending ids, each gap in base 32, most significant
  // digit first: a digit is a character of DIGITS, the first 32 ending a gap, the last 32 going on.
  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var DIGIT = {};
  for (var d = 0; d < DIGITS.length; d++) DIGIT[DIGITS.charAt(d)] = d;
  function decode(gaps) {
    var out = [], id = 0, gap = 0;
    for (var i = 0; i < gaps.length; i++) {
      var digit = DIGIT[gaps.charAt(i)];
      if (digit >= 32) { gap = gap * 32 + digit - 32; continue; }
      id += gap * 32 + digit;
      out.push(id);
      gap = 0;
    }
    return out;
  }

  // Words shorter than this match exactly, not as prefixes: "co" would otherwise pull in every
  // shard of "co…" words, hundreds of kilobytes on a large digest.
  var PREFIX_MIN = 3;

  // The last shard whose start is before `word` (or equal, when `orEqual`), or -1. Shards hold runs
  // of consecutive keys; the manifest lists where each one starts, in order.
  function lastShardBefore(word, orEqual) {
    var low = 0, high = manifest.shards.length - 1, found = -1;
    while (low <= high) {
      var middle = (low + high) >> 1, first = manifest.shards[middle];
      if (first < word || (orEqual && first === word)) { found = middle; low = middle + 1; } else high = middle - 1;
    }
    return found;
  }

  // The index files a query word needs: for a broad prefix, the shard holding its merged entry
  // (`word*`); else the shard holding the word and, for a word long enough to match as a prefix,
  // every shard the words it starts span (they sort before the word followed by "{", the character
  // after "z"; the index keeps them in one shard). SearchIndex.files(for:shards:prefixes:) in
  // Gazette is the same rule.
  function filesFor(word) {
    if (word.length >= PREFIX_MIN && manifest.prefixSet[word]) return ["search/t-" + lastShardBefore(word + "*", true) + ".json"];
    var own = lastShardBefore(word, true);
    if (word.length < PREFIX_MIN) return own < 0 ? [] : ["search/t-" + own + ".json"];
    var last = lastShardBefore(word + "{", false);
    var files = [];
    for (var n = Math.max(own, 0); n <= last; n++) files.push("search/t-" + n + ".json");
    return files;
  }

  function keySet(keys) {
    var set = Object.create(null);
    (keys || []).forEach(function (k) { set[k] = true; });
    return set;
  }

  // Each matching paper's best score for one query word: title matches weigh ten times abstract
  // matches, and the word itself half as much again as longer words it starts.
  function scoresFor(term, files, data) {
    var best = {};
    function add(gaps, score) {
      decode(gaps).forEach(function (id) { best[id] = Math.max(best[id] || 0, score); });
    }
    var merged = term.length >= PREFIX_MIN && manifest.prefixSet[term];
    files.forEach(function (file, f) {
      if (merged) {
        // A broad prefix: [ids with a word of the prefix in the title, ids with one in the abstract
        // only, and, when the prefix is a word itself, its title ids and abstract ids]
        var entry = data[f][term + "*"];
        if (!entry) return;
        add(entry[0], 10); add(entry[1], 1);
        if (entry.length > 2) { add(entry[2], 15); add(entry[3], 1.5); }
        return;
      }
      Object.keys(data[f]).forEach(function (word) {
        if (word.indexOf(term) !== 0 || word.charAt(word.length - 1) === "*" || (term.length < PREFIX_MIN && word !== term)) return;
        var exact = word === term ? 1.5 : 1;
        add(data[f][word][0], 10 * exact);
        add(data[f][word][1], exact);
      });
    });
    return best;
  }

  // Gazette's slugify for an ASCII title: lowercase letters and digits, single hyphens between, cut
  // at a hyphen past half of `max` when longer.
  function slugify(text, max) {
    var slug = text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    if (slug.length <= max) return slug;
    var cut = slug.slice(0, max), hyphen = cut.lastIndexOf("-");
    return hyphen > (max >> 1) ? cut.slice(0, hyphen) : cut;
  }

  // A paper's path from its metadata cell: "" for its title's slug, "-<hash>" for that slug cut to
  // make room for a hash suffix, else the path itself (SearchIndex.pathCell).
  function pathOf(title, cell) {
    if (cell === "") return "papers/" + slugify(title, 80) + "/index.html";
    if (cell.charAt(0) === "-") return "papers/" + slugify(slugify(title, 80), 71) + cell + "/index.html";
    return cell;
  }

  // The distinct words of a query, in the order typed.
  function distinct(list) {
    var seen = Object.create(null);
    return list.filter(function (w) { return seen[w] ? false : (seen[w] = true); });
  }

  function search(query) {
    var terms = distinct(words(query));
    if (!terms.length) return Promise.resolve(null);
    return load("search/manifest.json").then(function (m) {
      manifest = m;
      if (!m.prefixSet) m.prefixSet = keySet(m.prefixes);
      // Each word loads its own index files: past the manifest's limit, words are left out (and the
      // summary says which), so that no query downloads more than a few hundred kilobytes.
      var ignored = m.max_words && terms.length > m.max_words ? terms.slice(m.max_words) : [];
      terms = terms.slice(0, terms.length - ignored.length);
      var files = terms.map(filesFor);
      return Promise.all(files.map(function (list) { return Promise.all(list.map(load)); })).then(function (data) {
        var scores = {};
        var matchedTerms = 0;
        terms.forEach(function (term, t) {
          var best = scoresFor(term, files[t], data[t]);
          var ids = Object.keys(best);
          if (!ids.length) return; // a word found nowhere does not empty the results
          matchedTerms += 1;
          ids.forEach(function (id) {
            var s = scores[id] || { score: 0, terms: 0 };
            s.score += best[id];
            s.terms += 1;
            scores[id] = s;
          });
        });
        var hits = Object.keys(scores).filter(function (id) { return scores[id].terms === matchedTerms; })
          .map(function (id) { return { id: Number(id), score: scores[id].score }; })
          .sort(function (a, b) { return b.score - a.score || a.id - b.id; });
        var shown = hits.slice(0, LIMIT);
        var per = manifest.docs_per_shard;
        var docShards = {};
        shown.forEach(function (h) { docShards[Math.floor(h.id / per)] = true; });
        var shardIds = Object.keys(docShards);
        return Promise.all(shardIds.map(function (n) { return load("search/docs-" + n + ".json"); })).then(function (docs) {
          var byShard = {};
          shardIds.forEach(function (n, i) { byShard[n] = docs[i]; });
          return {
            ignored: ignored,
            total: hits.length,
            hits: shown.map(function (h) {
              // Columns: titles, path cells, dates, ISO dates, topic numbers (into the manifest's topics).
              var d = byShard[Math.floor(h.id / per)], k = h.id % per;
              return { title: d[0][k], path: pathOf(d[0][k], d[1][k]), topic: manifest.topics[d[4][k]], date: d[2][k], iso: d[3][k] };
            })
          };
        });
      });
    });
  }

  function render(result) {
    panel.textContent = "";
    if (!result) { close(); return; }
    var list = document.createElement("ul");
    list.className = "search-hits";
    result.hits.forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + hit.path;
      link.className = "search-hit";
      var title = document.createElement("span");
      title.className = "hit-title";
      title.textContent = hit.title;
      var meta = document.createElement("span");
      meta.className = "hit-meta";
      meta.textContent = [hit.topic, hit.date].filter(Boolean).join(" · ");
      link.appendChild(title);
      link.appendChild(meta);
      item.appendChild(link);
      list.appendChild(item);
    });
    var summary = document.createElement("p");
    summary.className = "search-summary";
    var capped = result.ignored.length > 0;
    summary.textContent = result.total === 0 ? "No papers match." :
      result.total > result.hits.length ? "Best " + result.hits.length + " of " + result.total + " papers." +
        (capped ? "" : " Use more words to narrow.") :
      result.total + (result.total === 1 ? " paper." : " papers.");
    if (capped) {
      summary.textContent += " Searched the first " + manifest.max_words + " words; left out: " + result.ignored.join(" ") + ".";
    }
    panel.appendChild(summary);
    if (result.hits.length) panel.appendChild(list);
    panel.hidden = false;
    status.textContent = summary.textContent;
  }

  function close() {
    panel.hidden = true;
  }

  function run() {
    timer = null;
    var ticket = ++latest;
    var query = input.value;
    search(query).then(function (result) {
      if (ticket === latest) { render(result); rendered = ticket; }
    }, function (error) {
      if (ticket !== latest) return;
      panel.textContent = "";
      var p = document.createElement("p");
      p.className = "search-summary";
      p.textContent = "Search is unavailable here; the list of all papers still works.";
      panel.appendChild(p);
      panel.hidden = false;
      status.textContent = p.textContent;
      if (window.console && console.warn) console.warn("search:", error.message);
    });
  }

  var timer = null;
  input.setAttribute("aria-controls", "search-results");
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });

  function links() { return Array.prototype.slice.call(panel.querySelectorAll("a.search-hit")); }

  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && !panel.hidden && links().length) {
      event.preventDefault();
      links()[0].focus();
    } else if (event.key === "Escape") {
      close();
    }
  });

  panel.addEventListener("keydown", function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && at >= 0 && at < all.length - 1) { event.preventDefault(); all[at + 1].focus(); }
    else if (event.key === "ArrowUp" && at > 0) { event.preventDefault(); all[at - 1].focus(); }
    else if (event.key === "ArrowUp" && at === 0) { event.preventDefault(); input.focus(); }
    else if (event.key === "Escape") { event.preventDefault(); close(); input.focus(); }
  });

  // Enter opens the best hit of the current words; with no hit (or before the results are in)
  // the form goes to the list of all papers, which runs the search itself.
  form.addEventListener("submit", function (event) {
    var first = links()[0];
    if (first && !timer && rendered === latest) { event.preventDefault(); window.location.href = first.href; }
  });

  document.addEventListener("click", function (event) {
    if (!form.contains(event.target)) close();
  });

  // `papers/index.html?q=words` (where the form leads) shows the results for those words.
  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) {
    input.value = params.get("q");
    run();
  }
})();
