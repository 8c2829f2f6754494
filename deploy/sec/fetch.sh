#!/usr/bin/env bash
# Fetches SEC (Simple Event Correlator, Debian package `sec`) into deploy/sec/.work without installing
# it system-wide, for the engine-vs-SEC benchmark. Prints the path of the sec script. Idempotent.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$here/.work"
bin="$work/root/usr/bin/sec"
if [[ -x "$bin" ]]; then echo "$bin"; exit 0; fi
if command -v sec >/dev/null 2>&1; then command -v sec; exit 0; fi
mkdir -p "$work"
cd "$work"
# apt-get download needs no root; it writes the .deb into the current folder.
apt-get download sec >/dev/null 2>&1 || { echo "sec: apt-get download failed (no Debian package index?)" >&2; exit 1; }
deb="$(ls -1 sec_*.deb | head -n 1)"
dpkg-deb -x "$deb" root
perl "$bin" --version >/dev/null
echo "$bin"
