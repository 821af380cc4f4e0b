#!/usr/bin/env bash
# Bytes a reader's search queries transfer on a built site, computed from its search index files (uncompressed):
# the first query fetches search/manifest.json, the shards of its words and the metadata chunks of its first
# page of results; a later query the same without the manifest.
#
#   bench/search-bytes.sh SITE-FOLDER [FIRST-QUERY [LATER-QUERY]]
#
# Without queries: the index's most common word first, its next two most common words later (the costliest
# realistic queries), plus the costliest one-word query over every word. Prints one line per figure:
#   search index: ... bytes in ... files (manifest ..., N shards of at most ..., M metadata chunks of at most ...)
#   first query "...": BYTES bytes (...)
#   later query "...": BYTES bytes (...)
#   costliest one-word later query "...": BYTES bytes (...)
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
jar="$here/target/tickerpress.jar"
if [ ! -f "$jar" ]; then
  (cd "$here" && mvn -B -q -DskipTests package) >&2
fi
exec java -cp "$jar" io.tickerpress.render.search.SearchBytes "$@"
