#!/usr/bin/env bash
# Stop the local Kafka broker and delete its data, config and logs (the next start.sh formats a
# fresh cluster). The fetched jars in libs/ are kept; pass --all to delete the whole work dir.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

"$KAFKA_SCRIPT_DIR/stop.sh"
[[ -d "$KAFKA_WORK_DIR" ]] || exit 0
if [[ "${1:-}" == "--all" ]]; then
  kafka_log "deleting $KAFKA_WORK_DIR"
  rm -rf -- "$KAFKA_WORK_DIR"
else
  kafka_log "deleting data, config and logs in $KAFKA_WORK_DIR (keeping libs/)"
  rm -rf -- "$KAFKA_DATA_DIR" "$KAFKA_CONFIG_DIR" "$KAFKA_LOG_DIR" "$KAFKA_WORK_DIR/cluster.id" "$KAFKA_PID_FILE"
fi
