// TickerPress search: loads search-index.json once and filters it as the reader types.
// No framework and no network beyond the site itself; results are built with DOM text nodes only.
(function () {
  'use strict';
  var input = document.getElementById('search-input');
  var results = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  if (!input || !results || !status) return;
  var entries = null;

  function words(text) {
    return text.toLowerCase().split(/[^a-z0-9.^-]+/).filter(function (w) { return w.length > 0; });
  }

  // Every word of the query must match; a ticker match ranks above a title match above a text match.
  function score(entry, terms) {
    var total = 0;
    var title = entry.title.toLowerCase();
    var text = (entry.summary + ' ' + entry.tags.join(' ')).toLowerCase();
    var tickers = entry.tickers.map(function (t) { return t.toLowerCase(); });
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i];
      if (tickers.indexOf(t) >= 0) total += 10;
      else if (title.indexOf(t) >= 0) total += 5;
      else if (text.indexOf(t) >= 0) total += 1;
      else return 0;
    }
    return total;
  }

  function show(query) {
    while (results.firstChild) results.removeChild(results.firstChild);
    var terms = words(query);
    if (terms.length === 0) { status.textContent = ''; return; }
    var found = entries.map(function (e, i) { return {e: e, s: score(e, terms), i: i}; })
      .filter(function (r) { return r.s > 0; })
      .sort(function (a, b) { return b.s - a.s || a.i - b.i; });
    status.textContent = found.length === 1 ? '1 story found' : found.length + ' stories found';
    found.slice(0, 50).forEach(function (r) {
      var li = document.createElement('li');
      li.className = 'teaser';
      var h = document.createElement('h2');
      h.className = 'teaser-title';
      var a = document.createElement('a');
      a.href = r.e.url;
      a.textContent = r.e.title;
      h.appendChild(a);
      var meta = document.createElement('p');
      meta.className = 'teaser-meta';
      meta.textContent = r.e.displayDate + (r.e.tickers.length ? ' · ' + r.e.tickers.join(', ') : '');
      var lead = document.createElement('p');
      lead.className = 'teaser-lead';
      lead.textContent = r.e.summary;
      li.appendChild(h);
      li.appendChild(meta);
      li.appendChild(lead);
      results.appendChild(li);
    });
  }

  function load() {
    if (entries) return Promise.resolve();
    return fetch(input.getAttribute('data-index'))
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (data) { entries = data; });
  }

  input.addEventListener('input', function () {
    load().then(function () { show(input.value); })
      .catch(function () { status.textContent = 'The search index could not be loaded.'; });
  });
  var q = new URLSearchParams(window.location.search).get('q');
  if (q) {
    input.value = q;
    load().then(function () { show(q); });
  }
})();
