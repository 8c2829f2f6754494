#!/usr/bin/env bash
# Stop the local Kafka broker started by start.sh (same KAFKA_WORK_DIR). Idempotent.
# SIGTERM (controlled shutdown), SIGKILL after KAFKA_STOP_TIMEOUT (30 s).
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

[[ -d "$KAFKA_WORK_DIR" ]] || { kafka_log "not running (no work dir $KAFKA_WORK_DIR)"; exit 0; }
kafka_lock

if pid="$(kafka_running_pid)"; then
  kafka_log "stopping broker pid $pid"
  t0=$SECONDS
  kafka_kill_pid "$pid"
  kafka_log "stopped in $((SECONDS - t0))s"
else
  kafka_log "not running"
fi
rm -f "$KAFKA_PID_FILE"
