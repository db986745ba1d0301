#!/bin/sh
# make fuzz-long [FUZZ_ONLY="nmerge ..."]: the long fuzz run, each
# harness to FUZZRUNS executions (10 million) in one libFuzzer process,
# its corpus and log in build/fuzz/long/.  Hours on two cores: nmerge
# and nentities run about 2,000 executions a second, the record reader
# and the splitter 6,000 to 13,000.  Inputs are capped (max_len, bytes)
# where a longer one only makes more of the same sentences; -entropic=0:
# the entropic schedule's bookkeeping took 20-40% of the time of the
# harnesses with the most coverage features.  Prints each harness's
# executions and findings; exits 1 on a finding, its input in
# build/fuzz/long/<harness>/.
set -u
cd "$(dirname "$0")/.."
runs=${FUZZRUNS:-10000000}
only=${FUZZ_ONLY:-record sbd tok nsplit ndates nentities ncite nmerge}
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$PWD/tests/ubsan.supp"
rc=0
for h in $only; do
	case $h in
	record) ml=2048 ;;
	sbd|tok|nsplit|ndates) ml=1024 ;;
	*) ml=512 ;;
	esac
	f=build/fuzz/fuzz_$h d=build/fuzz/long/$h
	[ -x "$f" ] || { echo "fuzz-long: $f: not built" >&2; exit 1; }
	mkdir -p "$d/corpus"
	sh scripts/fuzzseed.sh "fuzz_$h" "$d/corpus" || exit 1
	[ -d "tests/fuzz/fuzz_$h" ] && cp "tests/fuzz/fuzz_$h"/* "$d/corpus/"
	start=$(date +%s)
	"$f" -runs="$runs" -max_len="$ml" -entropic=0 -timeout=10 \
	    -print_final_stats=1 -artifact_prefix="$d/" "$d/corpus" \
	    > "$d.log" 2>&1 || rc=1
	n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$d.log")
	found=$(ls "$d" | grep -c -E '^(crash|leak|timeout|oom|slow-unit)-')
	echo "fuzz-long: $h: ${n:-?} executions in $(($(date +%s) - start)) s" \
	    "(max_len $ml), $found findings"
	[ "$found" -eq 0 ] || rc=1
done
exit $rc
