#!/usr/bin/env bash
# TickerPress benchmark with market data. Usage: bench/run.sh small|large|huge-history [runs]
# (bench/run.sh hands these modes to this script; the articles-only scale benchmark is bench/run.sh itself)
#   small: 1,000 articles, 252 trading days (1 year), 20 symbols
#   large: 10,000 articles, 5,000 trading days (about 20 years), 50 symbols
#   huge-history: 100 articles and 5,000,000 CSV history rows (50 symbols x 100,000 days)
# Generates the site with a fixed seed (bench/generate.py), then measures with /usr/bin/time and prints a
# Markdown table: cold build (charts cached), pages/s, charts (cold), warm rebuild, one-article edit (build and
# serve), peak RSS, and the same articles built by Hugo (Debian's hugo package) with minimal layouts.
set -euo pipefail
cd "$(dirname "$0")/.."
size="${1:-small}"
runs="${2:-3}"
case "$size" in
  small) articles=1000; days=252; symbols=20 ;;
  large) articles=10000; days=5000; symbols=50 ;;
  huge-history) articles=100; days=30; symbols=8 ;;
  *) echo "usage: bench/run.sh small|large|huge-history [runs]" >&2; exit 2 ;;
esac
command -v hugo >/dev/null || { echo "installing hugo (Debian package) for the comparison" >&2; apt-get install -y -qq hugo >/dev/null; }
[ -x /usr/bin/time ] || apt-get install -y -qq time >/dev/null
work="bench/work/$size"
mkdir -p "$work"
python3 bench/generate.py --articles "$articles" --days "$days" --symbols "$symbols" --out "$work" >&2
if [ "$size" = huge-history ]; then
  python3 - "$work" <<'PY'
import os, sys, datetime as dt, random
sys.path.insert(0, "bench")
from generate import holidays  # history rows only on NYSE trading days, as the build checks
out = os.path.join(sys.argv[1], "content/market/history"); os.makedirs(out, exist_ok=True)
closed = {}
r = random.Random(7)
start = dt.date(1700, 1, 1)
for s in range(50):
    with open(os.path.join(out, "H%02d.csv" % s), "w") as f:
        f.write("Date,Open,High,Low,Close,Adj Close,Volume\n")
        d, c, n = start, 100.0, 0
        while n < 100000:
            if d.weekday() < 5 and d not in closed.setdefault(d.year, holidays(d.year)):
                c = max(1.0, c * (1 + r.gauss(0.0002, 0.01)))
                f.write("%s,%.2f,%.2f,%.2f,%.2f,%.2f,%d\n" % (d.isoformat(), c, c * 1.01, c * 0.99, c, c, 1000000))
                n += 1
            d += dt.timedelta(1)
print("wrote 5,000,000 history rows", file=sys.stderr)
PY
  printf 'limits:\n  csvBytes: 1000000000\n' >> "$work/content/site.yaml"
fi
[ -f target/tickerpress.jar ] || mvn -B -q -DskipTests package >&2
./tickerpress --version >/dev/null   # rebuilds the jar first if the sources changed

# Hugo's copy of the same articles ('summary' is a reserved field in Hugo, so it is renamed there).
hugo_site="$work/hugo"
rm -rf "$hugo_site"; cp -r bench/hugo "$hugo_site"; mkdir -p "$hugo_site/content/news"
cp "$work"/content/articles/*.md "$hugo_site/content/news/"
find "$hugo_site/content/news" -name '*.md' -print0 | xargs -0 sed -s -i '1,/^---$/ s/^summary:/keypoints:/' 

measure() { # measure LOG CMD...: runs CMD, leaves "seconds maxrss_kb" in $work/time.txt
  local log="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > "$log" 2>&1
}
secs() { cut -d' ' -f1 "$work/time.txt"; }
rss_mb() { echo $(( $(cut -d' ' -f2 "$work/time.txt") / 1024 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

tp_build=(./tickerpress build --source "$work" --output "$work/site" --verbose)

# 1. Charts cold: empty cache.
rm -rf "$work/.tickerpress-cache" "$work/site"
measure "$work/charts-cold.log" "${tp_build[@]}"
charts_line=$(grep "charts rendered:" "$work/charts-cold.log")
charts_cold_s=$(secs)

# 2. Cold builds with charts cached, alternating with Hugo.
tp_times=(); hugo_times=(); tp_rss=0; hugo_rss=0
for i in $(seq 1 "$runs"); do
  rm -rf "$work/site"
  measure "$work/cold.log" "${tp_build[@]}" --clean
  tp_times+=("$(secs)"); r=$(rss_mb); [ "$r" -gt "$tp_rss" ] && tp_rss=$r
  rm -rf "$hugo_site/public"
  measure "$work/hugo.log" hugo --quiet -s "$hugo_site"
  hugo_times+=("$(secs)"); r=$(rss_mb); [ "$r" -gt "$hugo_rss" ] && hugo_rss=$r
done
tp_cold=$(printf '%s\n' "${tp_times[@]}" | median)
hugo_cold=$(printf '%s\n' "${hugo_times[@]}" | median)
pages=$(sed -n 's/^Built \([0-9]*\) pages.*/\1/p' "$work/cold.log")
hugo_pages=$(find "$hugo_site/public" -name '*.html' | wc -l)

# 3. Warm rebuild: nothing changed.
measure "$work/warm.log" "${tp_build[@]}"
warm_s=$(secs); warm_rendered=$(sed -n 's/^Built [0-9]* pages (\([0-9]*\) rendered.*/\1/p' "$work/warm.log")
warm_charts=$(sed -n 's/.*charts: \([0-9]*\) rendered.*/\1/p' "$work/warm.log")

# 4. One-article edit: a title in the middle of the archive.
victim=$(ls "$work"/content/articles/*.md | sed -n "$(( articles / 2 ))p")
sed -i '0,/^title: "/s//title: "Edited /' "$victim"
measure "$work/edit.log" "${tp_build[@]}"
edit_s=$(secs); edit_rendered=$(sed -n 's/^Built [0-9]* pages (\([0-9]*\) rendered.*/\1/p' "$work/edit.log")

# 5. The same edit in serve: the rebuild time the preview server reports.
serve_log="$work/serve.log"
./tickerpress serve --source "$work" --port 0 > "$serve_log" 2>&1 &
serve_pid=$!
for _ in $(seq 1 600); do grep -q "^start:" "$serve_log" 2>/dev/null && break; sleep 0.5; done
serve_times=()
for i in 1 2 3 4 5; do
  before=$(grep -c "^change:" "$serve_log" || true)
  sed -i "0,/^title: \"/s//title: \"Edit$i /" "$victim"
  for _ in $(seq 1 200); do [ "$(grep -c '^change:' "$serve_log" || true)" -gt "$before" ] && break; sleep 0.1; done
  serve_times+=("$(grep '^change:' "$serve_log" | tail -1 | sed -n 's/.* in \([0-9]*\) ms.*/\1/p')")
  sleep 0.5
done
kill "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true
serve_ms=$(printf '%s\n' "${serve_times[@]}" | median)

ratio=$(awk -v a="$tp_cold" -v b="$hugo_cold" 'BEGIN { printf "%.2f", a / b }')
pps=$(awk -v p="$pages" -v t="$tp_cold" 'BEGIN { printf "%.0f", p / t }')
cat <<TABLE

## $size: $articles articles, $days trading days, $symbols symbols ($(nproc) cores, $(java -version 2>&1 | head -1))

| measure | TickerPress | Hugo $(hugo version | sed -n 's/hugo v\([0-9.]*\).*/\1/p') |
|---|---|---|
| cold build, charts cached (median of $runs) | ${tp_cold} s ($pages pages, $pps pages/s) | ${hugo_cold} s ($hugo_pages pages) |
| time ratio TickerPress / Hugo | $ratio | |
| peak RSS, cold build | ${tp_rss} MiB | ${hugo_rss} MiB |
| charts, cold cache | ${charts_line#*charts rendered: } (whole build ${charts_cold_s} s) | |
| warm rebuild, nothing changed | ${warm_s} s ($warm_rendered pages, $warm_charts charts rendered) | |
| one-article edit, \`build\` | ${edit_s} s ($edit_rendered pages rendered) | |
| one-article edit, \`serve\` (median of 5) | ${serve_ms} ms | |
TABLE
