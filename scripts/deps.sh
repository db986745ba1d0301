#!/bin/sh
# Install the Debian packages newsutils needs, when any is missing,
# and those named as arguments (CI: clang libclang-rt-dev for make fuzz).
# valgrind is for tests/valgrind.bats (under 30 s).
# Quiet when everything is there; needs root or sudo otherwise.
pkgs="gcc make pkg-config libpcre2-dev libbsd-dev libutf8proc-dev
libstemmer-dev bats bats-assert bats-support mandoc perl parallel valgrind
$*"
missing=
for p in $pkgs; do
	dpkg-query -W -f '${Status}\n' "$p" 2>/dev/null |
	    grep -q 'install ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
	echo "deps: missing:$missing (install them; no apt-get here)" >&2
	exit 1
fi
sudo=
[ "$(id -u)" -eq 0 ] || sudo=sudo
echo "deps: installing$missing" >&2
$sudo apt-get update -qq >&2 &&
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
    --no-install-recommends $missing >&2
