#!/usr/bin/env python3
"""Generates a synthetic TickerPress site with a fixed seed, for benchmarks.

Articles are plain front matter and Markdown (the quote shortcode is the only TickerPress feature in them,
and bench/hugo/ gives Hugo a shortcode of the same name), so the same folder can be built by Hugo.

    bench/generate.py --articles 1000 --days 252 --symbols 20 --out bench/work/small
    bench/generate.py --articles 10000 --days 500 --no-market --out bench/work/corpus-10k

--hugo DIR also writes Hugo's copy of the articles: bench/hugo/ (minimal layouts) with the articles in
DIR/content/news/, 'summary' renamed 'keypoints' (reserved in Hugo) and 'slug' set, so both generators publish
each article at the same /news/yyyy/mm/dd/story-nnnnn/ path.

--no-market writes the scale corpus of issue 16: the same articles (about 600 words with the front matter) on
the same trading days, but no snapshots, no market settings, no tickers and no quote shortcodes.
"""
import argparse, datetime as dt, json, math, os, random, shutil

WORDS = ("market stocks shares investors traders index rally earnings revenue guidance outlook rates yields "
         "treasury inflation growth demand supply chips memory cloud banks lenders energy oil dollar small caps "
         "futures quarter analysts estimates margins buyback dividend volatility sector rotation valuation record "
         "session close open gains losses forecast economy labor payrolls consumer spending housing tariffs").split()
TAGS = ["Small Caps", "Rates", "Earnings", "Memory Chips", "Semiconductors", "Banks", "Inflation", "Economy",
        "Energy", "Big Tech", "Fed", "Bonds", "Market Rotation", "IPOs", "Retail", "Autos", "Healthcare",
        "Crypto", "Commodities", "Currencies"]
SECTORS = ["Technology", "Financials", "Health Care", "Consumer Discretionary", "Consumer Staples", "Energy",
           "Industrials", "Basic Materials", "Real Estate", "Utilities", "Communication Services"]


def easter(y):
    a = y % 19; b = y // 100; c = y % 100; d = b // 4; e = b % 4; f = (b + 8) // 25; g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30; i = c // 4; k = c % 4; l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    return dt.date(y, (h + l - 7 * m + 114) // 31, ((h + l - 7 * m + 114) % 31) + 1)


def nth(y, mo, wd, n):
    d = dt.date(y, mo, 1)
    while d.weekday() != wd: d += dt.timedelta(1)
    return d + dt.timedelta(7 * (n - 1))


def observed(d):
    return d - dt.timedelta(1) if d.weekday() == 5 else d + dt.timedelta(1) if d.weekday() == 6 else d


def holidays(y):
    h = set()
    ny = dt.date(y, 1, 1)
    if ny.weekday() == 6: h.add(ny + dt.timedelta(1))
    elif ny.weekday() != 5: h.add(ny)
    h |= {nth(y, 2, 0, 3), easter(y) - dt.timedelta(2), nth(y, 9, 0, 1), nth(y, 11, 3, 4)}
    if y >= 1998: h.add(nth(y, 1, 0, 3))
    last_may = dt.date(y, 5, 31)
    while last_may.weekday() != 0: last_may -= dt.timedelta(1)
    h.add(last_may)
    if y >= 2022: h.add(observed(dt.date(y, 6, 19)))
    h.add(observed(dt.date(y, 7, 4))); h.add(observed(dt.date(y, 12, 25)))
    return h


def trading_days(end, count):
    days, d, cache = [], end, {}
    while len(days) < count:
        hs = cache.setdefault(d.year, holidays(d.year))
        if d.weekday() < 5 and d not in hs: days.append(d)
        d -= dt.timedelta(1)
    return days[::-1]


def sentence(r, n=None):
    words = [r.choice(WORDS) for _ in range(n or r.randint(8, 16))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph(r, sentences=4):
    return " ".join(sentence(r) for _ in range(sentences))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--articles", type=int, default=1000)
    p.add_argument("--days", type=int, default=252)
    p.add_argument("--symbols", type=int, default=20)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--out", required=True)
    p.add_argument("--hugo", help="also write Hugo's copy of the site here")
    p.add_argument("--no-market", action="store_true", help="articles only: no snapshots, tickers or quotes")
    a = p.parse_args()
    r = random.Random(a.seed)
    out = a.out
    if os.path.exists(os.path.join(out, "content")): shutil.rmtree(os.path.join(out, "content"))
    os.makedirs(os.path.join(out, "content/articles"))
    if not a.no_market: os.makedirs(os.path.join(out, "content/market"))
    if a.hugo:
        if os.path.exists(a.hugo): shutil.rmtree(a.hugo)
        shutil.copytree(os.path.join(os.path.dirname(os.path.abspath(__file__)), "hugo"), a.hugo)
        os.makedirs(os.path.join(a.hugo, "content/news"))
    days = trading_days(dt.date(2026, 1, 23), a.days)
    symbols = ["SPX", "NDX", "RUT", "DJI"] + ["S%03d" % i for i in range(a.symbols - 4)]
    with open(os.path.join(out, "content/site.yaml"), "w") as f:
        f.write("title: Synthetic Ledger\nbaseUrl: https://bench.example.com/\npaginate: 10\n")
        if not a.no_market: f.write("market:\n  board: [SPX, NDX, DJI, RUT]\n  sidebar:\n    count: 3\n")
    # Market data: a random walk per symbol, one snapshot per trading day.
    level = {s: (4000 if s == "SPX" else 15000 if s == "NDX" else 2000 if s == "RUT" else 35000 if s == "DJI"
                 else r.uniform(20, 400)) for s in symbols}
    sector_ytd = {s: 0.0 for s in SECTORS}
    for i, day in enumerate([] if a.no_market else days):
        snap = {"date": day.isoformat(), "indices": [], "quotes": [], "sectors": [], "stockOfTheDay": []}
        for s in symbols:
            prev = level[s]
            c = round(prev * math.exp(r.gauss(0.0003, 0.012 if s in ("SPX", "NDX", "RUT", "DJI") else 0.02)), 2)
            level[s] = c
            o = round(prev * (1 + r.gauss(0, 0.003)), 2)
            hi = round(max(o, c) * (1 + abs(r.gauss(0, 0.004))), 2)
            lo = round(min(o, c) * (1 - abs(r.gauss(0, 0.004))), 2)
            q = {"symbol": s, "name": "Index " + s if s in ("SPX", "NDX", "RUT", "DJI") else "Company " + s,
                 "open": o, "high": hi, "low": lo, "close": c, "volume": r.randint(1_000_000, 90_000_000)}
            (snap["indices"] if s in ("SPX", "NDX", "RUT", "DJI") else snap["quotes"]).append(q)
        for s in SECTORS:
            ch = round(r.gauss(0, 1), 2)
            sector_ytd[s] = 0.0 if day.month == 1 and day.day <= 3 else sector_ytd[s] + ch
            snap["sectors"].append({"name": s, "changePct": ch, "ytdPct": round(sector_ytd[s], 2)})
        pick = r.choice(symbols[4:] or symbols)
        snap["stockOfTheDay"].append({"symbol": pick, "time": day.isoformat() + "T08:%02d:00-05:00" % r.randint(0, 59),
                                      "headline": sentence(r, 7)[:-1], "body": paragraph(r, 2)})
        with open(os.path.join(out, "content/market", day.isoformat() + ".json"), "w") as f:
            json.dump(snap, f, separators=(",", ":"))
    # Articles: about 600 words with headings, lists, a table, links, shortcodes, 3 key points, tags and tickers.
    recent = days[2:] if len(days) > 2 else days
    for n in range(a.articles):
        day = recent[min(len(recent) - 1, int(len(recent) * (n / a.articles) ** 0.5))]
        hour, minute = r.randint(6, 20), r.randint(0, 59)
        tickers = r.sample(symbols, 2)
        title = sentence(r, r.randint(6, 10))[:-1].replace(":", "")
        slug = "story-%05d" % n
        body = [paragraph(r, 5), "", "## " + sentence(r, 4)[:-1], "", paragraph(r, 5), "",
                "- " + sentence(r), "- " + sentence(r), "- " + sentence(r), "",
                sentence(r, 8) if a.no_market else
                "The %s closed at {{< quote %s close >}} ({{< quote %s changePct >}})." % (tickers[0], tickers[0], tickers[0]),
                "", "| Measure | Value | Change |", "|---|---|---|"]
        for _ in range(4):
            body.append("| %s | %d | %+.1f%% |" % (r.choice(WORDS).title(), r.randint(10, 999), r.gauss(0, 3)))
        body += ["", paragraph(r, 5), "", "## " + sentence(r, 3)[:-1], "", paragraph(r, 6),
                 "", "See the [filing](https://example.com/filings/%d) and the [data](https://example.com/data/%d)." % (n, n),
                 "", paragraph(r, 5), "", "1. " + sentence(r), "2. " + sentence(r), "", paragraph(r, 4), "", paragraph(r, 3)]
        fm = ["---", "title: \"%s\"" % title, "date: %sT%02d:%02d:00-05:00" % (day.isoformat(), hour, minute),
              "dateline: NEW YORK", "author: Bench Writer", "summary:"]
        fm += ["  - \"%s\"" % sentence(r) for _ in range(3)]
        fm += ["tags: [%s]" % ", ".join(r.sample(TAGS, 2))]
        fm += [] if a.no_market else ["tickers: [%s]" % ", ".join(tickers)]
        fm += ["---"]
        name = "%s-%s.md" % (day.isoformat(), slug)
        with open(os.path.join(out, "content/articles", name), "w") as f:
            f.write("\n".join(fm + body) + "\n")
        if a.hugo:
            hugo_fm = ["keypoints:" if l == "summary:" else l for l in fm]
            hugo_fm.insert(1, "slug: " + slug)
            with open(os.path.join(a.hugo, "content/news", name), "w") as f:
                f.write("\n".join(hugo_fm + body) + "\n")
    if a.no_market: print("generated %d articles over %d trading days, no market data, in %s" % (a.articles, len(days), out))
    else: print("generated %d articles, %d trading days, %d symbols in %s" % (a.articles, len(days), len(symbols), out))


if __name__ == "__main__":
    main()
