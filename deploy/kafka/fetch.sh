#!/usr/bin/env bash
# Fetch the Kafka broker jars (see pom.xml) from Maven Central into $KAFKA_WORK_DIR/libs.
# Idempotent: does nothing when the jars for the current pom.xml are already there. ~/.m2 caches.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

stamp="$KAFKA_LIBS_DIR/.pom.sha256"
want="$(sha256sum "$KAFKA_SCRIPT_DIR/pom.xml" | cut -d' ' -f1)"

if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]] && compgen -G "$KAFKA_LIBS_DIR/kafka_2.13-*.jar" >/dev/null; then
  exit 0
fi

command -v mvn >/dev/null || kafka_die "mvn not found (needed once to fetch the Kafka jars)"
kafka_log "fetching Kafka jars from Maven Central into $KAFKA_LIBS_DIR"
mkdir -p "$KAFKA_WORK_DIR"
tmp="$(mktemp -d "$KAFKA_WORK_DIR/libs.tmp.XXXXXX")"
trap 'rm -rf "$tmp" "$tmp.log"' EXIT
# mvn -q still prints stray ANSI resets on stdout; keep its output for errors only.
if ! mvn -q -B -f "$KAFKA_SCRIPT_DIR/pom.xml" \
  dependency:copy-dependencies -DoutputDirectory="$tmp" -DincludeScope=runtime >"$tmp.log" 2>&1; then
  sed 's/\x1b\[[0-9;]*m//g' "$tmp.log" >&2
  kafka_die "maven could not fetch the Kafka jars (is Maven Central reachable?)"
fi
rm -f "$tmp.log"
compgen -G "$tmp/kafka_2.13-*.jar" >/dev/null || kafka_die "maven finished but no kafka_2.13 jar in $tmp"
printf '%s\n' "$want" >"$tmp/.pom.sha256"
rm -rf "$KAFKA_LIBS_DIR"
mv "$tmp" "$KAFKA_LIBS_DIR"
trap - EXIT
kafka_log "fetched $(find "$KAFKA_LIBS_DIR" -name "*.jar" | wc -l) jars ($(du -sh "$KAFKA_LIBS_DIR" | cut -f1))"
