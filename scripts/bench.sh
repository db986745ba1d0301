#!/bin/sh
# make bench [BENCH_ONLY="prog ..."], or sh scripts/bench.sh [prog ...]:
# the speed of each newsutils program (or those named; "pipeline" names the
# per-document stages together, on 1 and 2 cores) on one core, against
# `wc -w` on the same bytes as the floor, and against the peers each
# program's issue names.  Never part of `make check`: speed is no test.
#
# Environment (all optional):
#   BENCH_MB=50           size of the text corpus, in MB (10^6 bytes)
#   BENCH_RUNS=3          timings per measurement; the best one counts
#   BENCH_PEER_SECONDS=4  a peer slower than the corpus allows runs on a
#                         sample sized to take about this long
#   BENCH_ARTICLES=100000 the largest nmerge input, in articles
#   BENCH_CITE_ARTICLES=20000  ncite's input, in articles
#   BENCH_DATA=../shared/data  text to build the corpora from (synthesised
#                         when missing)
#   BENCH_INSTALL=1       install missing peers (npm into build/bench,
#                         Debian packages with apt-get); 0 skips them
#   BENCH_KEEP=           a directory to keep the corpora and outputs in
#   BENCH_TIMEOUT=300     seconds after which one run is stopped and its
#                         program reported as failed
#
# Every timing is the best of BENCH_RUNS runs less the best of as many runs
# on empty input (start-up and model loading, which a long stream
# amortises), pinned to CPU 0 when taskset works.  A peer or program that
# is missing or fails is skipped with a note; the script always exits 0.

set -u
LC_NUMERIC=C
PYTHONDONTWRITEBYTECODE=1	# no __pycache__ in scripts/bench
export LC_NUMERIC PYTHONDONTWRITEBYTECODE
cd "$(dirname "$0")/.." || exit 0
top=$(pwd)
drivers=$top/scripts/bench
cache=$top/build/bench
mb=${BENCH_MB:-50}
runs=${BENCH_RUNS:-3}
peer_seconds=${BENCH_PEER_SECONDS:-4}
articles=${BENCH_ARTICLES:-100000}
cite_articles=${BENCH_CITE_ARTICLES:-20000}
data=${BENCH_DATA:-$top/../shared/data}
install=${BENCH_INSTALL:-1}
limit=${BENCH_TIMEOUT:-300}
date_anchor=2025-03-12
only=${BENCH_ONLY:-$*}

if [ -n "${BENCH_KEEP:-}" ]; then
	tmp=$BENCH_KEEP
	mkdir -p "$tmp" || exit 0
else
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsutils-bench.XXXXXX") || exit 0
	trap 'rm -rf "$tmp"' EXIT
	trap 'exit 130' INT TERM
fi
: > "$tmp/rows"
: > "$tmp/notes"

note() {
	echo "note: $*" >&2
	echo "$*" >> "$tmp/notes"
}

say() {
	echo "bench: $*" >&2
}

# every run, timed or not, is stopped after $limit seconds
cap=
command -v timeout > /dev/null 2>&1 && cap="timeout $limit"
pin=
if command -v taskset > /dev/null 2>&1 && taskset -c 0 true 2> /dev/null
then
	pin="taskset -c 0"
fi
run="$pin${pin:+ }$cap"
rss=
if [ -x /usr/bin/time ] && /usr/bin/time -f %M -o /dev/null true 2> /dev/null
then
	rss=yes
fi
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3	# Debian's, for its packages

# ---------------------------------------------------------------- helpers

nanos() {
	date +%s%N
}

bytes() {
	wc -c < "$1" | tr -d ' '
}

# best FILE CMD...: the best of $runs wall times, in ns, of CMD < FILE
# > /dev/null (a file would time the file system too); peak RSS (kB) of
# the best run to $tmp/rss.  A run
# over 30 s is not repeated.  Fails when CMD fails or runs out of time.
best() {
	_in=$1
	shift
	_best='' _i=0
	while [ "$_i" -lt "$runs" ]; do
		_t0=$(nanos)
		_st=0
		if [ -n "$rss" ]; then
			$run /usr/bin/time -f %M -o "$tmp/rss.1" "$@" \
			    < "$_in" > /dev/null 2> "$tmp/err" || _st=$?
		else
			$run "$@" < "$_in" > /dev/null 2> "$tmp/err" || _st=$?
		fi
		if [ "$_st" -ne 0 ]; then
			[ "$_st" -eq 124 ] && echo "stopped after $limit s" >> "$tmp/err"
			[ "$_st" -ne 124 ] && echo "(exit $_st)" >> "$tmp/err"
			return 1
		fi
		_t1=$(nanos)
		_t=$((_t1 - _t0))
		if [ -z "$_best" ] || [ "$_t" -lt "$_best" ]; then
			_best=$_t
			[ -n "$rss" ] && cp "$tmp/rss.1" "$tmp/rss"
		fi
		_i=$((_i + 1))
		[ "$_t" -gt 30000000000 ] && break
	done
	echo "$_best"
}

# capture FILE CMD...: one untimed run, output to $tmp/out, to count it
capture() {
	_in=$1
	shift
	$cap "$@" < "$_in" > "$tmp/out" 2> /dev/null
}

# empty_of FILE: an empty input of FILE's shape (its header row, if any)
empty_of() {
	case $1 in
	*.tsv)	head -n 1 "$1" > "$tmp/empty.tsv"; echo "$tmp/empty.tsv" ;;
	*)	: > "$tmp/empty"; echo "$tmp/empty" ;;
	esac
}

# sample FILE BYTES OUT: the first whole documents of FILE, about BYTES
sample() {
	case $1 in
	*.tsv)	LC_ALL=C awk -v max="$2" 'NR > 1 && n >= max { exit }
		    { n += length($0) + 1; print }' "$1" > "$3" ;;
	*)	LC_ALL=C awk -v max="$2" '$1 == "doc" && n >= max { exit }
		    { n += length($0) + 1; print }' "$1" > "$3" ;;
	esac
}

# tokens FILE: words (as wc -w counts them) in the text of FILE
tokens() {
	case $1 in
	*.tsv)	wc -w < "$1" ;;
	*)	LC_ALL=C awk -F '\t' '$1 == "sent" { print $6 }' "$1" |
		    sed 's/\\[nt]/ /g' | wc -w ;;
	esac | tr -d ' '
}

# floor FILE: ns of `wc -w` on FILE, the best of the C and C.UTF-8
# locales, start-up subtracted
floor() {
	_key=$(echo "$1 $(bytes "$1")" | cksum | cut -d " " -f 1)
	if [ ! -f "$tmp/floor.$_key" ]; then
		_e=$(best "$(empty_of "$1")" env LC_ALL=C wc -w) || _e=0
		_a=$(best "$1" env LC_ALL=C wc -w) || _a=
		_b=$(best "$1" env LC_ALL=C.UTF-8 wc -w) || _b=$_a
		[ -n "$_a" ] && [ "$_b" -lt "$_a" ] && _a=$_b
		[ -n "$_a" ] && [ "$_a" -gt "$_e" ] && _a=$((_a - _e))
		echo "$_a" > "$tmp/floor.$_key"
	fi
	cat "$tmp/floor.$_key"
}

# row SECTION NAME INPUT BYTES NS FLOOR_NS TOKENS RSS_KB NOTE
row() {
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$tmp/rows"
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" | show_rows |
	    sed 's/^/bench: /' >&2
}

show_rows() {
	awk -F '\t' '{
		mb = $4 / 1e6; s = $5 / 1e9
		rate = s > 0 ? mb / s : 0
		ratio = ($6 > 0 && s > 0) ? sprintf("%.2f", $6 / $5) : "-"
		tok = ($7 != "" && s > 0) ? sprintf("%.0f", $7 / s) : "-"
		mem = $8 != "" ? sprintf("%.0f", $8 / 1024) : "-"
		printf "%-10s %-24s %-20s %8.1f %8.3f %9.1f %7s %11s %6s  %s\n",
		    $1, $2, $3, mb, s, rate, ratio, tok, mem, $9
	}'
}

header() {
	printf '%-10s %-24s %-20s %8s %8s %9s %7s %11s %6s  %s\n' \
	    section program input MB seconds MB/s 'x wc-w' tokens/s 'RSS MB' \
	    note
}

# measure SECTION NAME FILE TOKENS|'' COUNTKIND CMD...: time a program of
# ours on the whole of FILE; COUNTKIND names the records to count in its
# output ('' for none)
measure() {
	_sec=$1 _name=$2 _file=$3 _tok=$4 _kind=$5
	shift 5
	_e=$(best "$(empty_of "$_file")" "$@") || _e=0
	if ! _t=$(best "$_file" "$@"); then
		note "$_name failed: $(tail -c 300 "$tmp/err")"
		return 1
	fi
	_n=
	if [ -n "$_kind" ] && capture "$_file" "$@"; then
		_c=$(grep -c "^$_kind	" "$tmp/out")
		_n=$(awk -v c="$_c" -v b="$(bytes "$_file")" \
		    'BEGIN { printf "%.0f %s/MB", c / (b / 1e6), "'"$_kind"'" }')
	fi
	_r=
	[ -n "$rss" ] && _r=$(cat "$tmp/rss")
	_net=$((_t - _e))
	[ "$_net" -gt 0 ] || _net=$_t
	row "$_sec" "$_name" "$(basename "$_file")" "$(bytes "$_file")" \
	    "$_net" "$(floor "$_file")" "$_tok" "$_r" "$_n"
}

# peer SECTION NAME FILE WANT_TOKENS(0/1) UNIT CMD...: time a peer; one
# too slow for all of FILE in about $peer_seconds runs on a sample of its
# first documents.  UNIT names what its output lines are.
peer() {
	_sec=$1 _name=$2 _file=$3 _wt=$4 _unit=$5
	shift 5
	_empty=$(empty_of "$_file")
	if ! _e=$(best "$_empty" "$@"); then
		note "$_name failed on empty input: $(tail -c 300 "$tmp/err")"
		return 1
	fi
	# grow a sample of the first documents until one run takes half of
	# $peer_seconds (small probes mislead: JIT warm-up, caches)
	_size=$(bytes "$_file")
	_in=$tmp/sample.${_file##*.}
	_want=65536
	while :; do
		if [ "$_want" -ge $((_size * 8 / 10)) ]; then
			_in=$_file
			break
		fi
		sample "$_file" "$_want" "$_in"
		_t0=$(nanos)
		if ! $run "$@" < "$_in" > /dev/null 2> "$tmp/err"
		then
			note "$_name failed: $(tail -c 300 "$tmp/err")"
			return 1
		fi
		_t1=$(nanos)
		_t=$((_t1 - _t0 - _e))
		[ "$_t" -ge $((peer_seconds * 500000000)) ] && break
		_want=$(awk -v t="$_t" -v b="$(bytes "$_in")" \
		    -v s="$peer_seconds" 'BEGIN {
			f = t > 0 ? s * 1e9 / t : 16
			if (f > 16) f = 16
			if (f < 2) f = 2
			printf "%.0f", b * f }')
	done
	if ! _t=$(best "$_in" "$@"); then
		note "$_name failed: $(tail -c 300 "$tmp/err")"
		return 1
	fi
	_tok=
	[ "$_wt" = 1 ] && _tok=$(tokens "$_in")
	capture "$_in" "$@"
	_c=$(wc -l < "$tmp/out" | tr -d ' ')
	_n=$(awk -v c="$_c" -v b="$(bytes "$_in")" \
	    'BEGIN { printf "%.0f %s/MB", c / (b / 1e6), "'"$_unit"'" }')
	[ "$_in" = "$_file" ] || _n="$_n; sample"
	_r=
	[ -n "$rss" ] && _r=$(cat "$tmp/rss")
	_net=$((_t - _e))
	[ "$_net" -gt 0 ] || _net=$_t
	row "$_sec" "$_name" "$(basename "$_file")" "$(bytes "$_in")" \
	    "$_net" "$(floor "$_in")" "$_tok" "$_r" "$_n"
}

# rate NAME [SECTION]: MB/s of a measured row
rate() {
	awk -F '\t' -v n="$1" -v s="${2:-}" '$2 == n && (s == "" || $1 == s) {
		printf "%.3f\n", ($4 / 1e6) / ($5 / 1e9); exit }' "$tmp/rows"
}

# ---------------------------------------------------------------- peers

have_npm_pkg() {
	[ -f "$cache/node_modules/$1/package.json" ]
}

pkg_version() {
	sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' \
	    "$cache/node_modules/$1/package.json" | head -n 1
}

# npm_need NAME@RANGE...: install the missing ones into build/bench
npm_need() {
	_miss=
	for _p; do
		have_npm_pkg "${_p%@*}" || _miss="$_miss $_p"
	done
	[ -z "$_miss" ] && return 0
	if [ "$install" != 1 ]; then
		note "npm$_miss: not installed (BENCH_INSTALL=0)"
		return 1
	fi
	if ! command -v npm > /dev/null 2>&1; then
		deb_need npm || { note "npm$_miss: no npm"; return 1; }
	fi
	mkdir -p "$cache"
	say "npm install$_miss (into build/bench)"
	# shellcheck disable=SC2086
	if ! timeout 600 npm install --prefix "$cache" --no-audit --no-fund \
	    --loglevel=error --fetch-retries=1 $_miss \
	    > "$tmp/npm.log" 2>&1; then
		note "npm$_miss: install failed: $(tail -c 300 "$tmp/npm.log")"
		return 1
	fi
	for _p; do
		have_npm_pkg "${_p%@*}" || return 1
	done
}

deb_have() {
	dpkg-query -W -f '${Status}\n' "$1" 2> /dev/null |
	    grep -q 'install ok installed'
}

# deb_need PKG...: install the missing Debian packages
deb_need() {
	_miss=
	for _p; do
		deb_have "$_p" || _miss="$_miss $_p"
	done
	[ -z "$_miss" ] && return 0
	if [ "$install" != 1 ]; then
		note "Debian$_miss: not installed (BENCH_INSTALL=0)"
		return 1
	fi
	if ! command -v apt-get > /dev/null 2>&1; then
		note "Debian$_miss: no apt-get here"
		return 1
	fi
	_sudo=
	if [ "$(id -u)" -ne 0 ]; then
		if sudo -n true 2> /dev/null; then
			_sudo="sudo -n"
		else
			note "Debian$_miss: not root and no sudo"
			return 1
		fi
	fi
	say "apt-get install$_miss"
	# shellcheck disable=SC2086
	if ! DEBIAN_FRONTEND=noninteractive $_sudo apt-get install -y -qq \
	    -o DPkg::Lock::Timeout=300 --no-install-recommends $_miss \
	    > "$tmp/apt.log" 2>&1; then
		$_sudo apt-get update -qq > /dev/null 2>&1
		if ! DEBIAN_FRONTEND=noninteractive $_sudo apt-get install \
		    -y -qq -o DPkg::Lock::Timeout=300 \
		    --no-install-recommends $_miss > "$tmp/apt.log" 2>&1; then
			note "Debian$_miss: install failed:" \
			    "$(tail -c 300 "$tmp/apt.log")"
			return 1
		fi
	fi
}

have_node() {
	command -v node > /dev/null 2>&1 && return 0
	deb_need nodejs && command -v node > /dev/null 2>&1
}

# node_peer SECTION NAME FILE WANT_TOKENS UNIT SCRIPT: a Node driver with
# the packages of build/bench
node_peer() {
	peer "$1" "$2" "$3" "$4" "$5" env NODE_PATH="$cache/node_modules" \
	    node "$drivers/$6"
}

wanted() {
	[ -z "$only" ] && return 0
	case " $only " in
	*" $1 "*)	return 0 ;;
	esac
	return 1
}

# bench PROG: PROG is wanted and built (a note tells when it is not built)
bench() {
	wanted "$1" || return 1
	[ -x "bin/$1" ] && return 0
	note "$1: bin/$1 not built, skipped"
	return 1
}

load() {
	cut -d ' ' -f 1 /proc/loadavg 2> /dev/null || echo '?'
}
load_start=$(load)

# ---------------------------------------------------------------- corpus

say "building the corpus ($mb MB) in $tmp"
if ! out=$($py "$drivers/corpus.py" text "$data" "$tmp/corpus" --mb "$mb")
then
	echo "bench: cannot build the corpus" >&2
	exit 0
fi
# shellcheck disable=SC2086
set -- $out
corpus_origin=$1 corpus_docs=$2
if [ "$corpus_origin" = data ]; then
	corpus_from="$3 documents of $data, their paragraphs drawn at random"
else
	corpus_from="synthesised news-like text ($data not found)"
fi
tsv=$tmp/corpus.tsv
txt=$tmp/corpus.txt
say "corpus: $corpus_docs documents from $corpus_from"

# the floor: wc -w on each shape of the corpus
for f in "$tsv" "$txt"; do
	row wc "wc -w" "$(basename "$f")" "$(bytes "$f")" "$(floor "$f")" \
	    "$(floor "$f")" "" "" "best of LC_ALL=C, C.UTF-8"
done

# ---------------------------------------------------------------- nsplit

if bench nsplit; then
	measure nsplit "nsplit -t" "$tsv" "" sent bin/nsplit -t
	measure nsplit "nsplit (one doc)" "$txt" "" sent bin/nsplit

	if npm_need sbd@^1.0.19 && have_node; then
		node_peer nsplit "sbd $(pkg_version sbd)" "$tsv" 0 sent sbd.js
	else
		note "npm sbd: skipped"
	fi
	if have_node && node -e 'new Intl.Segmenter("en",
	    { granularity: "sentence" })' 2> /dev/null; then
		node_peer nsplit "Intl.Segmenter $(node -v)" "$tsv" 0 \
		    sent intl.js
	else
		note "Intl.Segmenter: no Node.js with Intl.Segmenter"
	fi
	if deb_need python3-nltk && $py -c 'import nltk' 2> /dev/null; then
		pv=$($py -c 'import nltk; print(nltk.__version__)')
		if $py "$drivers/nltk_punkt.py" english 2> /dev/null; then
			peer nsplit "NLTK $pv Punkt" "$tsv" 0 sent \
			    $py "$drivers/nltk_punkt.py" split
		else
			head -c 5000000 "$txt" > "$tmp/punkt-train.txt"
			t0=$(nanos)
			if $py "$drivers/nltk_punkt.py" train \
			    "$tmp/punkt-train.txt" "$tmp/punkt.pickle" \
			    2> "$tmp/err"; then
				t1=$(nanos)
				note "NLTK Punkt: no Debian package ships NLTK's" \
				    "English punkt model (python3-nltk has the" \
				    "code only, no nltk_data) and it cannot be" \
				    "downloaded here, so Punkt was trained" \
				    "unsupervised on the first" \
				    "$(awk -v b="$(bytes "$tmp/punkt-train.txt")" \
				    'BEGIN { printf "%.1f", b / 1e6 }') MB of the" \
				    "corpus ($(awk -v t=$((t1 - t0)) \
				    'BEGIN { printf "%.1f", t / 1e9 }') s," \
				    "not timed)"
				peer nsplit "NLTK $pv Punkt*" "$tsv" 0 sent \
				    $py "$drivers/nltk_punkt.py" split \
				    "$tmp/punkt.pickle"
			else
				note "NLTK Punkt: training failed:" \
				    "$(tail -c 300 "$tmp/err")"
			fi
		fi
	else
		note "NLTK Punkt: python3-nltk not available, skipped"
	fi
fi

# ---------------------------------------------------------------- streams

# The record stream each later program reads: the corpus through the
# programs before it, computed once, so only the program itself is timed.
stream=
if [ -x bin/nsplit ] && { wanted nentities || wanted ndates; }; then
	say "computing the record stream (nsplit -t -d $date_anchor)"
	$cap bin/nsplit -t -d "$date_anchor" < "$tsv" > "$tmp/s.nsplit" \
	    2> /dev/null
	stream=$tmp/s.nsplit
fi

# next_stream PROG: the stream after PROG, when PROG exists
next_stream() {
	if [ -n "$stream" ] && [ -x "bin/$1" ]; then
		say "computing the record stream after $1"
		$cap "bin/$1" < "$stream" > "$tmp/s.$1" 2> /dev/null &&
		    stream=$tmp/s.$1
	fi
}

# ---------------------------------------------------------------- nentities

if bench nentities && [ -n "$stream" ]; then
	ntok=$(tokens "$stream")
	measure nentities nentities "$stream" "$ntok" ent bin/nentities
	if have_node; then
		if npm_need wink-nlp@^2 wink-eng-lite-web-model@^1; then
			node_peer nentities "wink-nlp $(pkg_version wink-nlp)" \
			    "$stream" 1 ent wink.js
		else
			note "npm wink-nlp: skipped"
		fi
		if npm_need compromise@^14; then
			node_peer nentities \
			    "compromise $(pkg_version compromise)" \
			    "$stream" 1 ent compromise.js
		else
			note "npm compromise: skipped"
		fi
	fi
fi
wanted ndates && next_stream nentities

# ---------------------------------------------------------------- ndates

if bench ndates && [ -n "$stream" ]; then
	measure ndates ndates "$stream" "" time bin/ndates
	if have_node && npm_need chrono-node@^2; then
		node_peer ndates "chrono-node $(pkg_version chrono-node)" \
		    "$stream" 0 time chrono.js
	else
		note "npm chrono-node: skipped"
	fi
	if deb_need python3-dateparser &&
	    $py -c 'import dateparser.search' 2> /dev/null; then
		peer ndates "dateparser $($py -c 'import dateparser
print(dateparser.__version__)')" "$stream" 0 time \
		    $py "$drivers/searchdates.py"
	else
		note "dateparser: python3-dateparser not available, skipped"
	fi
fi

# ---------------------------------------------------------------- pipeline

# the per-document stages together, on one core and on two with GNU
# parallel (each job the whole pipeline over a block of the table, its
# header row repeated), as newsutils(7) runs them
if wanted pipeline && [ -x bin/nsplit ] && [ -x bin/nentities ] &&
    [ -x bin/ndates ] && [ -x bin/ncite ]; then
	stages='bin/nsplit -t | bin/nentities | bin/ndates | bin/ncite -q'
	measure pipeline "$stages" "$tsv" "" "" sh -c "$stages"
	if command -v parallel > /dev/null 2>&1 ||
	    deb_need parallel; then
		ncores=$(nproc 2> /dev/null || echo 2)
		[ "$ncores" -gt 2 ] && ncores=2
		saved=$run
		run=$cap	# not pinned: it is to use $ncores CPUs
		measure pipeline "the same, parallel -j$ncores" "$tsv" "" "" \
		    parallel --pipe --keep-order -j"$ncores" --block 4M \
		    --header 1 "$stages"
		run=$saved
	else
		note "GNU parallel: not available, pipeline on 2 cores skipped"
	fi
fi

# ---------------------------------------------------------------- nmerge, ncite

# whole articles, in stories reported by several outlets (see corpus.py)
domerge=
bench nmerge && domerge=1
docite=
bench ncite && docite=1
if [ -n "$domerge$docite" ] && [ -x bin/nsplit ]; then
	n=$articles
	[ -n "$domerge" ] || n=$cite_articles
	say "building $n articles for nmerge/ncite"
	if $py "$drivers/corpus.py" articles "$data" "$tmp/articles.tsv" \
	    --n "$n" > /dev/null; then
		say "computing their record stream"
		astream=$tmp/a.nsplit
		$cap bin/nsplit -t < "$tmp/articles.tsv" > "$astream" \
		    2> /dev/null
		for p in nentities ndates; do
			if [ -x "bin/$p" ]; then
				$cap "bin/$p" < "$astream" > "$tmp/a.$p" \
				    2> /dev/null &&
				    astream=$tmp/a.$p
			fi
		done
		# first N articles of the stream
		slice() {
			LC_ALL=C awk -v n="$1" '$1 == "doc" && ++c > n { exit }
			    { print }' "$astream" > "$tmp/articles-$1.stream"
		}
		if [ -n "$domerge" ]; then
			for k in 1000 10000 100000; do
				[ "$k" -le "$articles" ] || continue
				slice "$k"
				measure nmerge "nmerge ($k articles)" \
				    "$tmp/articles-$k.stream" "" story bin/nmerge
			done
		fi
		if [ -n "$docite" ]; then
			slice "$cite_articles"
			cin=$tmp/articles-$cite_articles.stream
			if [ -x bin/nmerge ]; then
				$cap bin/nmerge < "$cin" > "$tmp/c.stream" \
				    2> /dev/null &&
				    cin=$tmp/c.stream
			fi
			measure ncite "ncite" "$cin" "" quote bin/ncite
			measure ncite "ncite -f md" "$cin" "" "" bin/ncite -f md
		fi
	else
		note "nmerge/ncite: could not build the articles corpus"
	fi
fi

# ---------------------------------------------------------------- summary

echo
echo "newsutils bench: $(uname -m), $(nproc 2> /dev/null || echo '?') cores," \
    "${pin:-no taskset (not pinned)}; best of $runs runs, start-up" \
    "(a run on empty input) subtracted"
echo "corpus: $corpus_docs documents, $(bytes "$tsv") bytes as TSV" \
    "(id, text) and $(bytes "$txt") bytes as plain text"
echo "        from $corpus_from"
echo "load average: $load_start at the start, $(load) at the end; other" \
    "work on the machine slows every row (rerun on an idle machine)"
echo "MB = 10^6 bytes of input; x wc-w = MB/s over the MB/s of wc -w on" \
    "the same bytes (the floor);"
echo "'sample' = a slow peer ran on the first documents only; per MB =" \
    "output items (sentences, entities, …) per MB of input"
echo
header
show_rows < "$tmp/rows"

# fastest_peer SECTION EXCLUDE: name and MB/s of the fastest peer
fastest_peer() {
	awk -F '\t' -v s="$1" -v p="$2" '$1 == s && $2 !~ p {
		r = ($4 / 1e6) / ($5 / 1e9)
		if (r > best) { best = r; name = $2 } }
	    END { if (name != "") printf "%s\t%.3f\n", name, best }' \
	    "$tmp/rows"
}

# speedups SECTION PROGRAM mb|tok: PROGRAM's speed over each peer's
speedups() {
	awk -F '\t' -v s="$1" -v m="$2" -v u="$3" '$1 == s {
		v = u == "tok" ? $7 / ($5 / 1e9) : ($4 / 1e6) / ($5 / 1e9)
		n++; name[n] = $2; val[n] = v
		if ($2 == m) mv = v }
	    END {
		if (mv == "")
			exit
		for (i = 1; i <= n; i++)
			if (index(name[i], s) != 1)
				printf "  %-48s %12s %s; %s is %.1fx faster\n",
				    "peer " name[i],
				    sprintf(val[i] >= 1000 ? "%.0f" : "%.1f", val[i]),
				    u == "tok" ? "tokens/s" : "MB/s", m, mv / val[i]
	    }' "$tmp/rows"
}

# check WHAT VALUE OP TARGET UNIT
check() {
	awk -v w="$1" -v v="$2" -v op="$3" -v t="$4" -v u="$5" 'BEGIN {
		ok = op == ">=" ? v >= t : v <= t
		printf "  %-48s %12s %s (target %s %s) %s\n", w,
		    sprintf(v >= 1000 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v), u, op, t,
		    ok ? "met" : "NOT MET" }'
}
wcr=$(rate "wc -w" wc)
echo
echo "summary"
[ -n "$wcr" ] && printf '  %-48s %12.1f MB/s\n' "wc -w (the floor)" "$wcr"
r=$(rate "nsplit -t" nsplit)
if [ -n "$r" ]; then
	check "nsplit -t" "$r" ">=" 100 "MB/s"
	speedups nsplit "nsplit -t" mb
	fp=$(fastest_peer nsplit '^nsplit')
	if [ -n "$fp" ]; then
		name=$(echo "$fp" | cut -f 1)
		pr=$(echo "$fp" | cut -f 2)
		check "nsplit over fastest peer ($name)" \
		    "$(awk -v a="$r" -v b="$pr" 'BEGIN { print a / b }')" \
		    ">=" 10 "x"
	fi
fi
r=$(awk -F '\t' '$2 == "nentities" { printf "%.0f", $7 / ($5 / 1e9) }' \
    "$tmp/rows")
if [ -n "$r" ]; then
	check "nentities" "$r" ">=" 1000000 "tokens/s"
	speedups nentities nentities tok
	m=$(awk -F '\t' '$2 == "nentities" && $8 != "" { print $8 / 1024 }' \
	    "$tmp/rows")
	[ -n "$m" ] && check "nentities peak memory" "$m" "<=" 200 "MB"
fi
r=$(rate ndates ndates)
if [ -n "$r" ]; then
	check ndates "$r" ">=" 100 "MB/s"
	speedups ndates ndates mb
fi
r=$(awk -F '\t' '$2 == "nmerge (10000 articles)" { print $5 / 1e9 }' \
    "$tmp/rows")
[ -n "$r" ] && check "nmerge, 10,000 articles" "$r" "<=" 10 "s"
r=$(rate ncite ncite)
[ -n "$r" ] && check ncite "$r" ">=" 100 "MB/s"
r1=$(awk -F '\t' '$1 == "pipeline" && $2 !~ /parallel/ {
    printf "%.1f", ($4 / 1e6) / ($5 / 1e9) }' "$tmp/rows")
r2=$(awk -F '\t' '$1 == "pipeline" && $2 ~ /parallel/ {
    printf "%.1f", ($4 / 1e6) / ($5 / 1e9) }' "$tmp/rows")
if [ -n "$r1" ]; then
	printf '  %-48s %12s MB/s\n' "pipeline, 1 core" "$r1"
	[ -n "$r2" ] && printf '  %-48s %12s MB/s (%.2fx)\n' \
	    "pipeline, parallel on $ncores cores" "$r2" \
	    "$(awk -v a="$r2" -v b="$r1" 'BEGIN { print a / b }')"
fi
if [ -s "$tmp/notes" ]; then
	echo
	echo "notes"
	sed 's/^/  - /' "$tmp/notes"
fi
exit 0
