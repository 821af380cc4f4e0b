// TickerPress search: reads search/manifest.json, then only the index shards that a query's words fall in and
// blocks of common words newest first, and the metadata chunks of the results on screen (README, "Search"). No framework and no network beyond the
// site itself; results are built with DOM text nodes only, never with markup from the index.
(function () {
  'use strict';
  function byId(id) { return document.getElementById(id); }
  var form = byId('search-form');
  var input = byId('search-input');
  var results = byId('search-results');
  var status = byId('search-status');
  var moreButton = byId('search-more');
  var filters = byId('search-filters');
  var choose = { ticker: byId('search-ticker'), tag: byId('search-tag'), from: byId('search-from'), to: byId('search-to') };
  if (!form || !input || !results || !status || !moreButton || !filters) return;

  // The tokenisation rule of the index writer (SearchTokens.java): lower case, runs of letters and digits,
  // at most 40 UTF-16 units. The last word of a query also matches as a prefix, when it has two or more
  // characters and the words it starts lie in at most two shards, at most three of them common terms.
  var WORD = /[\p{L}\p{N}]+/gu;
  var MAX_LENGTH = 40;
  var PREFIX_SHARDS = 2;
  var PREFIX_COMMON = 3;
  var PAGE = 10;
  var STEP_BYTES = 8 * 1024; // block bytes one step of a query may read (at least one block)
  var manifestUrl = new URL(input.getAttribute('data-index'), window.location.href);
  var manifest = null;
  var loading = null;
  var cache = {};
  var generation = 0;
  var state = null;
  var shown = 0;

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

  // Files named by their content never change: each is fetched once.
  function get(name, json) {
    if (!cache[name]) {
      cache[name] = fetchOk(new URL(name, manifestUrl).href)
        .then(function (r) { return json ? r.json() : r.arrayBuffer().then(function (b) { return new Uint8Array(b); }); });
      cache[name].catch(function () { delete cache[name]; });
    }
    return cache[name];
  }

  function load() {
    if (!loading) {
      loading = fetchOk(manifestUrl.href).then(function (r) { return r.json(); }).then(function (m) {
        if (m.format !== 2) throw new Error('unknown search index format ' + m.format);
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

  function hex(bytes, from, n) {
    var s = '';
    for (var i = from; i < from + n; i++) s += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    return s;
  }

  // A set of ids relative to base: kind 0 gaps (varints), kind 1 a bitmap; calls add(id) in increasing order.
  function eachId(kind, d, base, add) {
    if (kind === 1) {
      for (var i = 0; i < d.length; i++) for (var bit = 0; bit < 8; bit++) if (d[i] & (1 << bit)) add(base + i * 8 + bit);
    } else {
      var pos = { i: 0 }, id = base - 1;
      while (pos.i < d.length) { id += varint(d, pos) + 1; add(id); }
    }
  }

  // A shard: a count, then per term its UTF-8 key, kind, story count and either its ids (kinds 0 and 1) or,
  // for a common term (kind 2), per block the count and, when not 0, the block file's length and hash.
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
      if (kind === 2) {
        var term = { counts: [], lengths: [], files: [] };
        for (var b = 0; b < length; b++) {
          var count = varint(bytes, pos);
          term.counts.push(count);
          term.lengths.push(count ? varint(bytes, pos) : 0);
          term.files.push(count ? hex(bytes, pos.i, 6) + '.bin' : null);
          if (count) pos.i += 6;
        }
        terms.set(key, term);
      } else {
        var ids = [];
        eachId(kind, bytes.subarray(pos.i, pos.i + length), 0, function (id) { ids.push(id); });
        terms.set(key, { ids: ids });
        pos.i += length;
      }
    }
    return terms;
  }

  var decoded = {};
  function shard(i) {
    var name = manifest.shardFiles[i] + '.bin';
    if (!decoded[name]) {
      decoded[name] = get(name).then(decodeShard);
      decoded[name].catch(function () { delete decoded[name]; });
    }
    return decoded[name];
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

  // A part of a query: the union of some terms, or id ranges (months).
  function exact(key) {
    var i = shardOf(key);
    if (i < 0) return Promise.resolve({ terms: [] });
    return shard(i).then(function (terms) { return { terms: terms.has(key) ? [terms.get(key)] : [] }; });
  }

  function prefix(word) {
    if (manifest.shards.length === 0) return Promise.resolve({ terms: [] });
    var first = Math.max(0, shardOf(word)), last = Math.max(0, shardOf(word + '\uffff'));
    if (last - first + 1 > PREFIX_SHARDS) return exact(word);
    var loads = [];
    for (var i = first; i <= last; i++) loads.push(shard(i));
    return Promise.all(loads).then(function (all) {
      var found = [], common = 0;
      all.forEach(function (terms) {
        terms.forEach(function (term, key) {
          if (key.lastIndexOf(word, 0) === 0) { found.push(term); if (term.counts) common++; }
        });
      });
      return common > PREFIX_COMMON ? exact(word) : { terms: found };
    });
  }

  function months(from, to) {
    var ranges = [];
    manifest.months.forEach(function (run) {
      if ((from && run[0] < from) || (to && run[0] > to)) return;
      ranges.push([run[1], run[1] + run[2]]);
    });
    return { ranges: ranges };
  }

  function possible(part, b) {
    var lo = b * manifest.blockDocs, hi = lo + manifest.blockDocs;
    if (part.ranges) return part.ranges.some(function (r) { return r[0] < hi && r[1] > lo; });
    return part.terms.some(function (t) {
      return t.counts ? b < t.counts.length && t.counts[b] > 0 : t.ids.some(function (id) { return id >= lo && id < hi; });
    });
  }

  function cost(parts, b) {
    var bytes = 0;
    parts.forEach(function (p) {
      (p.terms || []).forEach(function (t) { if (t.counts && b < t.counts.length && t.counts[b] > 0) bytes += t.lengths[b]; });
    });
    return bytes;
  }

  // The stories of block b that meet every part, newest first.
  function match(parts, b) {
    var lo = b * manifest.blockDocs, size = manifest.blockDocs;
    var loads = parts.map(function (p) {
      var set = new Uint32Array(size >>> 5);
      function add(id) { if (id >= lo && id < lo + size) set[(id - lo) >>> 5] |= 1 << ((id - lo) & 31); }
      if (p.ranges) {
        p.ranges.forEach(function (r) { for (var id = Math.max(r[0], lo); id < Math.min(r[1], lo + size); id++) add(id); });
        return Promise.resolve(set);
      }
      return Promise.all(p.terms.map(function (t) {
        if (!t.counts) { t.ids.forEach(add); return null; }
        if (!(b < t.counts.length && t.counts[b] > 0)) return null;
        return get(t.files[b]).then(function (d) {
          var pos = { i: 0 };
          var kind = varint(d, pos);
          eachId(kind, d.subarray(pos.i), lo, add);
        });
      })).then(function () { return set; });
    });
    return Promise.all(loads).then(function (sets) {
      var all = sets[0], ids = [];
      for (var s = 1; s < sets.length; s++) for (var w = 0; w < all.length; w++) all[w] &= sets[s][w];
      for (var k = all.length - 1; k >= 0; k--) {
        var bits = all[k];
        while (bits !== 0) {
          var high = 31 - Math.clz32(bits);
          ids.push(lo + k * 32 + high);
          bits &= ~(1 << high);
        }
      }
      return ids;
    });
  }

  function parse(query, f) {
    var ws = words(query);
    var parts = ws.map(function (w, i) { return i === ws.length - 1 && w.length >= 2 ? prefix(w) : exact(w); });
    if (f.ticker) parts.push(exact('$' + f.ticker.toLowerCase()));
    if (f.tag) parts.push(exact('#' + f.tag.toLowerCase()));
    if (f.from || f.to) parts.push(Promise.resolve(months(f.from, f.to)));
    if (parts.length === 0) return Promise.resolve(null);
    return Promise.all(parts).then(function (ps) {
      return { parts: ps, block: Math.ceil(manifest.docs / manifest.blockDocs) - 1, found: [], complete: false };
    });
  }

  // One step: blocks newest first until `need` stories are found (then on through blocks that need no file) or
  // the step's bytes are spent (at least one block is read); state.complete says whether any older block could
  // still hold a result.
  function step(st, need) {
    var spent = 0;
    function skip() { while (st.block >= 0 && !st.parts.every(function (p) { return possible(p, st.block); })) st.block--; }
    function next() {
      skip();
      if (st.block < 0) return Promise.resolve();
      var c = cost(st.parts, st.block);
      // Past the page, blocks that need no file (every term small) are read too: the count stays exact.
      if (st.found.length >= need && c > 0) return Promise.resolve();
      if (spent > 0 && spent + c > STEP_BYTES) return Promise.resolve();
      spent += c;
      var b = st.block--;
      return match(st.parts, b).then(function (ids) { Array.prototype.push.apply(st.found, ids); return next(); });
    }
    return next().then(function () { skip(); st.complete = st.block < 0; });
  }

  // A result line: [title, url, displayDate, tickers, summary], in chunk (id % groupDocs) / chunkDocs of its group.
  function line(id) {
    var group = manifest.groups[Math.floor(id / manifest.groupDocs)];
    var k = Math.floor((id % manifest.groupDocs) / manifest.chunkDocs);
    return get(group + '-' + k + '.json', true).then(function (chunk) { return chunk[id % manifest.chunkDocs]; });
  }

  function safeUrl(url) { return /^(https?:\/\/|\/)/.test(url) ? url : '#'; }

  function teaser(doc) {
    var li = document.createElement('li');
    li.className = 'teaser';
    var h = document.createElement('h2');
    h.className = 'teaser-title';
    var a = document.createElement('a');
    a.href = safeUrl(doc[1]);
    a.textContent = doc[0];
    h.appendChild(a);
    var meta = document.createElement('p');
    meta.className = 'teaser-meta';
    meta.textContent = doc[2] + (doc[3].length ? ' · ' + doc[3].join(', ') : '');
    var lead = document.createElement('p');
    lead.className = 'teaser-lead';
    lead.textContent = doc[4];
    li.appendChild(h);
    li.appendChild(meta);
    li.appendChild(lead);
    return li;
  }

  function clear() {
    while (results.firstChild) results.removeChild(results.firstChild);
  }

  function count(st) {
    var n = st.found.length;
    if (!st.complete) return n ? 'At least ' + n + (n === 1 ? ' story found' : ' stories found') : 'No stories found yet among the newest';
    return n === 1 ? '1 story found' : n + ' stories found';
  }

  // Shows the next page of results: reads older blocks if the stories found so far do not fill it, fetches the
  // metadata chunks of the page, then appends it (the first page replaces the previous results and the count
  // together, once its metadata is there).
  function showMore(gen) {
    var st = state, fresh = shown === 0;
    var more = st.found.length >= shown + PAGE || st.complete ? Promise.resolve() : step(st, shown + PAGE);
    return more.then(function () {
      var page = st.found.slice(shown, shown + PAGE);
      return Promise.all(page.map(line)).then(function (docs) {
        if (gen !== generation) return;
        if (fresh) clear();
        shown += page.length;
        status.textContent = count(st);
        docs.forEach(function (doc) { results.appendChild(teaser(doc)); });
        moreButton.hidden = shown >= st.found.length && st.complete;
      });
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
      return parse(query, f).then(function (st) {
        if (gen !== generation) return;
        if (st === null) { clear(); moreButton.hidden = true; status.textContent = ''; return; }
        state = st;
        shown = 0;
        return showMore(gen);
      });
    }).catch(function () {
      if (gen === generation) status.textContent = 'The search index could not be loaded.';
    });
  }

  input.addEventListener('input', run);
  Object.keys(choose).forEach(function (k) { if (choose[k]) choose[k].addEventListener('change', run); });
  form.addEventListener('submit', function (e) { e.preventDefault(); run(); });
  moreButton.addEventListener('click', function () {
    var gen = generation;
    showMore(gen).catch(function () { status.textContent = 'The search index could not be loaded.'; });
  });
  var params = new URLSearchParams(window.location.search);
  if (params.get('q')) input.value = params.get('q');
  load().then(function () {
    if (input.value || ['ticker', 'tag', 'from', 'to'].some(function (k) { return params.get(k); })) run();
  }).catch(function () { status.textContent = 'The search index could not be loaded.'; });
})();
