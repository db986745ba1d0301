#!/usr/bin/env bats
# The EXAMPLES of the manual pages run as tests, as jq runs its manual.
#
# In an EXAMPLES section, each .Bd -literal block holds commands and what
# they print: a line that begins with "$ " starts a command, indented lines
# go on with it, and the other lines up to the next command are its output.
# Every command runs from the top of the source tree, with bin/ first on
# PATH, under bash -e -o pipefail; it must exit 0, write nothing on
# standard error, and print exactly the output shown (or, when none is
# shown, something).  Section 1 pages must have examples.  In the other
# sections, a command that needs a newsutils program that has not landed
# yet (no bin/<prog>, or no man/<prog>.1) is skipped.

load '/usr/lib/bats/bats-support/load'
load '/usr/lib/bats/bats-assert/load'
bats_require_minimum_version 1.5.0

PROGS="nsplit nentities ndates nmerge ncite"

setup() {
	cd "$BATS_TEST_DIRNAME/.." || return 1
	PATH="$PWD/bin:$PATH"
	export LC_ALL=C.UTF-8
}

# The examples of an mdoc page, mdoc escapes undone, one block after
# each "%%" line.
examples() {
	awk '
	/^\.Sh / { ex = $2 == "EXAMPLES"; next }
	ex && /^\.Bd -literal/ { lit = 1; print "%%"; next }
	lit && /^\.Ed/ { lit = 0; next }
	lit {
		gsub(/\\&/, "")
		gsub(/\\\(aq/, "\047")
		gsub(/\\\(lq/, "\342\200\234")
		gsub(/\\\(rq/, "\342\200\235")
		gsub(/\\\(dq/, "\"")
		gsub(/\\\(em/, "\342\200\224")
		gsub(/\\e/, "\\\\")
		print
	}' "$1"
}

# Run one command of a page against its shown output; say what went
# wrong and return 1, or return 0.  Sets $ran to 1 when it ran.
check_one() {
	local page=$1 cmd=$2 want=$3 out err rc p
	ran=0
	case $page in
	*.1) ;;
	*)
		for p in $PROGS; do
			if printf '%s\n' "$cmd" | grep -qw "$p" &&
			    { [ ! -x "bin/$p" ] || [ ! -f "man/$p.1" ]; }; then
				return 0
			fi
		done
		;;
	esac
	ran=1
	err=$(mktemp "$BATS_TEST_TMPDIR/err.XXXXXX")
	out=$(bash -e -o pipefail -c "$cmd" </dev/null 2>"$err")
	rc=$?
	if [ "$rc" -ne 0 ] || [ -s "$err" ] ||
	    { [ -n "$want" ] && [ "$out" != "$want" ]; } ||
	    [ -z "$out" ]; then
		{
			echo "$page: example failed (exit $rc):"
			printf '%s\n' "$cmd" | sed 's/^/    /'
			echo "stderr:"
			sed 's/^/    /' "$err"
			if [ -n "$want" ]; then
				echo "output, diff from the page's:"
				diff -u <(printf '%s\n' "$want") \
				    <(printf '%s\n' "$out") | sed 's/^/    /'
			else
				echo "output: ${out:-(none)}"
			fi
		} >&2
		return 1
	fi
	return 0
}

# Run every example of the pages named; print the number run.  Returns 1
# if any failed.
run_examples() {
	local page line cmd want state failed=0 n=0
	for page in "$@"; do
		cmd= want= state=
		while IFS= read -r line || [ -n "$line" ]; do
			case $state:$line in
			*:'$ '*|*:%%)
				if [ -n "$cmd" ]; then
					check_one "$page" "$cmd" "$want" ||
					    failed=1
					n=$((n + ran))
				fi
				cmd= want= state=
				case $line in
				'$ '*)	cmd=${line#'$ '} state=cmd ;;
				esac
				;;
			cmd:[[:space:]]*)
				cmd="$cmd"$'\n'"$line" ;;
			cmd:*|out:*)
				want="${want:+$want$'\n'}$line" state=out ;;
			esac
		done < <(examples "$page"; echo %%)
	done
	echo "$n"
	return "$failed"
}

@test "every section 1 page has examples that are commands" {
	local page n
	for page in man/*.1; do
		n=$(examples "$page" | grep -c '^\$ ') || true
		[ "$n" -gt 0 ] || fail "$page: no \"\$ command\" in EXAMPLES"
	done
}

@test "the examples of section 1 pages run and print what they show" {
	run --separate-stderr run_examples man/*.1
	[ "$status" -eq 0 ] || fail "$stderr"
	assert_equal "$stderr" ""
	[ "$output" -gt 0 ] || fail "no example ran"
}

@test "the examples of section 5 and 7 pages run when their programs exist" {
	run --separate-stderr run_examples man/*.[57]
	[ "$status" -eq 0 ] || fail "$stderr"
	assert_equal "$stderr" ""
}

@test "an example that fails, or prints other output, fails the test" {
	local page="$BATS_TEST_TMPDIR/t.1"
	printf '%s\n' '.Sh EXAMPLES' '.Bd -literal' '$ echo one' one \
	    '$ echo two | false' two .Ed > "$page"
	run --separate-stderr run_examples "$page"
	assert_failure
	assert_output 2
	[[ $stderr == *'echo two | false'* ]] || fail "$stderr"
	[[ $stderr != *'echo one'* ]] || fail "$stderr"

	printf '%s\n' '.Sh EXAMPLES' '.Bd -literal' '$ printf "a\\tb\\n"' \
	    "$(printf 'a\tc')" .Ed > "$page"
	run --separate-stderr run_examples "$page"
	assert_failure
	[[ $stderr == *'+a	b'* ]] || fail "$stderr"

	printf '%s\n' '.Sh EXAMPLES' '.Bd -literal' '$ echo x >&2; echo y' y \
	    .Ed > "$page"
	run --separate-stderr run_examples "$page"
	assert_failure
}

@test "an example's continued lines and mdoc escapes are undone" {
	local page="$BATS_TEST_TMPDIR/t.1"
	cat > "$page" <<-'EOF'
	.Sh EXAMPLES
	.Bd -literal
	$ printf 'a\e\eb\en' |
	    cat
	a\eb
	.Ed
	EOF
	run --separate-stderr run_examples "$page"
	assert_success
	assert_output 1
}
