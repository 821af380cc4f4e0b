// TickerPress search: reads search/manifest.json, then only the index shards that a query's words fall in and
// the metadata chunks of the results on screen (README, "Search"). No framework and no network beyond the
// site itself; results are built with DOM text nodes only, never with markup from the index.
(function () {
  'use strict';
  function byId(id) { return document.getElementById(id); }
  var form = byId('search-form');
  var input = byId('search-input');
  var results = byId('search-results');
  var status = byId('search-status');
  var more = byId('search-more');
  var filters = byId('search-filters');
  var choose = { ticker: byId('search-ticker'), tag: byId('search-tag'), from: byId('search-from'), to: byId('search-to') };
  if (!form || !input || !results || !status || !more || !filters) return;

  // The tokenisation rule of the index writer (SearchTokens.java): lower case, runs of letters and digits,
  // at most 40 UTF-16 units. The last word of a query also matches as a prefix, when it has two or more
  // characters and the words it starts lie in at most two shards.
  var WORD = /[\p{L}\p{N}]+/gu;
  var MAX_LENGTH = 40;
  var PREFIX_SHARDS = 2;
  var manifestUrl = new URL(input.getAttribute('data-index'), window.location.href);
  var manifest = null;
  var loading = null;
  var shards = {};
  var chunks = {};
  var generation = 0;
  var shown = { ids: [], next: 0 };

  function words(text) {
    var out = [];
    var seen = Object.create(null);
    (text.toLowerCase().match(WORD) || []).forEach(function (w) {
      if (w.length <= MAX_LENGTH && !seen[w]) { seen[w] = true; out.push(w); }
    });
    return out;
  }

  function fetchOk(url) {
    return fetch(url).then(function (r) { if (!r.ok) throw new Error(url + ': ' + r.status); return r; });
  }

  function file(name) { return new URL(manifest.version + '/' + name, manifestUrl).href; }

  function load() {
    if (!loading) {
      loading = fetchOk(manifestUrl.href).then(function (r) { return r.json(); }).then(function (m) {
        if (m.format !== 1) throw new Error('unknown search index format ' + m.format);
        manifest = m;
        fillFilters();
      });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  function option(select, value, text) {
    if (select) select.appendChild(new Option(text, value));
  }

  function fillFilters() {
    var params = new URLSearchParams(window.location.search);
    manifest.tickers.forEach(function (t) { option(choose.ticker, t, t); });
    manifest.tags.forEach(function (t) { option(choose.tag, t, t); });
    var months = [];
    manifest.months.forEach(function (run) { if (months.indexOf(run[0]) < 0) months.push(run[0]); });
    months.sort().reverse().forEach(function (m) { option(choose.from, m, m); option(choose.to, m, m); });
    Object.keys(choose).forEach(function (k) {
      var v = params.get(k);
      if (choose[k] && v !== null) choose[k].value = v;
    });
    filters.hidden = false;
  }

  function varint(bytes, pos) {
    var value = 0, scale = 1, b;
    do { b = bytes[pos.i++]; value += (b & 0x7f) * scale; scale *= 128; } while (b & 0x80);
    return value;
  }

  // A shard: a count, then per term its UTF-8 key, kind (0 gaps, 1 bitmap), document count and payload.
  function decodeShard(bytes) {
    var pos = { i: 0 };
    var terms = new Map();
    var text = new TextDecoder();
    var n = varint(bytes, pos);
    for (var t = 0; t < n; t++) {
      var keyLength = varint(bytes, pos);
      var key = text.decode(bytes.subarray(pos.i, pos.i + keyLength));
      pos.i += keyLength;
      var kind = varint(bytes, pos);
      varint(bytes, pos);
      var length = varint(bytes, pos);
      terms.set(key, { kind: kind, data: bytes.subarray(pos.i, pos.i + length) });
      pos.i += length;
    }
    return terms;
  }

  function shard(i) {
    if (!shards[i]) {
      shards[i] = fetchOk(file('t' + i + '.bin')).then(function (r) { return r.arrayBuffer(); })
        .then(function (b) { return decodeShard(new Uint8Array(b)); });
      shards[i].catch(function () { delete shards[i]; });
    }
    return shards[i];
  }

  // The shard whose range holds a key: the last one whose first key is not after it (-1: before all).
  function shardOf(key) {
    var lo = 0, hi = manifest.shards.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >>> 1;
      if (manifest.shards[mid] <= key) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  }

  function emptySet() { return new Uint32Array((manifest.docs + 31) >>> 5); }

  function addTo(set, entry) {
    var d = entry.data;
    if (entry.kind === 1) {
      for (var i = 0; i < d.length; i++) set[i >>> 2] |= d[i] << ((i & 3) * 8);
    } else {
      var pos = { i: 0 }, id = -1;
      while (pos.i < d.length) { id += varint(d, pos) + 1; set[id >>> 5] |= 1 << (id & 31); }
    }
  }

  function exact(key) {
    var i = shardOf(key);
    if (i < 0) return Promise.resolve(emptySet());
    return shard(i).then(function (terms) {
      var set = emptySet();
      if (terms.has(key)) addTo(set, terms.get(key));
      return set;
    });
  }

  function prefix(word) {
    if (manifest.shards.length === 0) return Promise.resolve(emptySet());
    var first = Math.max(0, shardOf(word)), last = Math.max(0, shardOf(word + '\uffff'));
    if (last - first + 1 > PREFIX_SHARDS) return exact(word);
    var loads = [];
    for (var i = first; i <= last; i++) loads.push(shard(i));
    return Promise.all(loads).then(function (all) {
      var set = emptySet();
      all.forEach(function (terms) {
        terms.forEach(function (entry, key) { if (key.lastIndexOf(word, 0) === 0) addTo(set, entry); });
      });
      return set;
    });
  }

  function months(from, to) {
    var set = emptySet();
    manifest.months.forEach(function (run) {
      if ((from && run[0] < from) || (to && run[0] > to)) return;
      for (var id = run[1]; id < run[1] + run[2]; id++) set[id >>> 5] |= 1 << (id & 31);
    });
    return set;
  }

  // Every word must occur in a story; filters narrow; ids ascending are newest first.
  function evaluate(query, f) {
    var ws = words(query);
    var parts = ws.map(function (w, i) { return i === ws.length - 1 && w.length >= 2 ? prefix(w) : exact(w); });
    if (f.ticker) parts.push(exact('$' + f.ticker.toLowerCase()));
    if (f.tag) parts.push(exact('#' + f.tag.toLowerCase()));
    if (f.from || f.to) parts.push(Promise.resolve(months(f.from, f.to)));
    if (parts.length === 0) return Promise.resolve(null);
    return Promise.all(parts).then(function (sets) {
      var all = sets[0];
      for (var s = 1; s < sets.length; s++) for (var w = 0; w < all.length; w++) all[w] &= sets[s][w];
      var ids = [];
      for (var k = 0; k < all.length; k++) {
        var bits = all[k];
        while (bits !== 0) {
          var low = bits & -bits;
          ids.push(k * 32 + 31 - Math.clz32(low));
          bits ^= low;
        }
      }
      return ids;
    });
  }

  function chunk(k) {
    if (!chunks[k]) {
      chunks[k] = fetchOk(file('d' + k + '.json')).then(function (r) { return r.json(); });
      chunks[k].catch(function () { delete chunks[k]; });
    }
    return chunks[k];
  }

  function safeUrl(url) { return /^(https?:\/\/|\/)/.test(url) ? url : '#'; }

  function teaser(doc) {
    var li = document.createElement('li');
    li.className = 'teaser';
    var h = document.createElement('h2');
    h.className = 'teaser-title';
    var a = document.createElement('a');
    a.href = safeUrl(doc.url);
    a.textContent = doc.title;
    h.appendChild(a);
    var meta = document.createElement('p');
    meta.className = 'teaser-meta';
    meta.textContent = doc.displayDate + (doc.tickers.length ? ' · ' + doc.tickers.join(', ') : '');
    var lead = document.createElement('p');
    lead.className = 'teaser-lead';
    lead.textContent = doc.summary;
    li.appendChild(h);
    li.appendChild(meta);
    li.appendChild(lead);
    return li;
  }

  function clear() {
    while (results.firstChild) results.removeChild(results.firstChild);
  }

  // Shows the next page of results: fetches the metadata chunks they are in, then appends them in order (the
  // first page replaces the previous results and the count together, once its metadata is there).
  function showMore(gen) {
    var fresh = shown.next === 0;
    var page = shown.ids.slice(shown.next, shown.next + manifest.chunkDocs);
    shown.next += page.length;
    return Promise.all(page.map(function (id) { return chunk(Math.floor(id / manifest.chunkDocs)); }))
      .then(function (loaded) {
        if (gen !== generation) return;
        if (fresh) {
          clear();
          status.textContent = shown.ids.length === 1 ? '1 story found' : shown.ids.length + ' stories found';
        }
        page.forEach(function (id, i) { results.appendChild(teaser(loaded[i][id % manifest.chunkDocs])); });
        more.hidden = shown.next >= shown.ids.length;
      });
  }

  function current() {
    var f = {};
    Object.keys(choose).forEach(function (k) { f[k] = choose[k] ? choose[k].value : ''; });
    return f;
  }

  function remember(query, f) {
    var params = new URLSearchParams();
    if (query) params.set('q', query);
    Object.keys(f).forEach(function (k) { if (f[k]) params.set(k, f[k]); });
    var search = params.toString();
    window.history.replaceState(null, '', window.location.pathname + (search ? '?' + search : ''));
  }

  function run() {
    var gen = ++generation;
    load().then(function () {
      var query = input.value, f = current();
      remember(query, f);
      return evaluate(query, f).then(function (ids) {
        if (gen !== generation) return;
        if (ids === null) { clear(); more.hidden = true; status.textContent = ''; return; }
        shown = { ids: ids, next: 0 };
        return showMore(gen);
      });
    }).catch(function () {
      if (gen === generation) status.textContent = 'The search index could not be loaded.';
    });
  }

  input.addEventListener('input', run);
  Object.keys(choose).forEach(function (k) { if (choose[k]) choose[k].addEventListener('change', run); });
  form.addEventListener('submit', function (e) { e.preventDefault(); run(); });
  more.addEventListener('click', function () {
    var gen = generation;
    showMore(gen).catch(function () { status.textContent = 'The search index could not be loaded.'; });
  });
  var params = new URLSearchParams(window.location.search);
  if (params.get('q')) input.value = params.get('q');
  load().then(function () {
    if (input.value || ['ticker', 'tag', 'from', 'to'].some(function (k) { return params.get(k); })) run();
  }).catch(function () { status.textContent = 'The search index could not be loaded.'; });
})();
