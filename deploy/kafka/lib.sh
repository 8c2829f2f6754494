# shellcheck shell=bash
# shellcheck disable=SC2034  # the variables are used by the scripts that source this file
# Shared settings and helpers for the local Kafka scripts. Sourced, never run directly.

KAFKA_SCRIPT_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
KAFKA_PROJECT_ROOT="$(cd -- "$KAFKA_SCRIPT_DIR/../.." && pwd -P)"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HOST=127.0.0.1
KAFKA_READY_TIMEOUT="${KAFKA_READY_TIMEOUT:-90}"   # seconds
KAFKA_STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"     # seconds before SIGKILL
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"

# Work dir: absolute as given, relative paths are taken from the project root (so every script
# agrees on it whatever the caller's cwd is).
_kw="${KAFKA_WORK_DIR:-deploy/kafka/.work}"
case "$_kw" in
  /*) KAFKA_WORK_DIR="$_kw" ;;
  *) KAFKA_WORK_DIR="$KAFKA_PROJECT_ROOT/$_kw" ;;
esac
unset _kw
KAFKA_WORK_DIR="${KAFKA_WORK_DIR%/}"

KAFKA_LIBS_DIR="$KAFKA_WORK_DIR/libs"
KAFKA_DATA_DIR="$KAFKA_WORK_DIR/data"
KAFKA_LOG_DIR="$KAFKA_WORK_DIR/logs"
KAFKA_CONFIG_DIR="$KAFKA_WORK_DIR/config"
KAFKA_PROPS="$KAFKA_CONFIG_DIR/server.properties"
KAFKA_LOG4J="$KAFKA_CONFIG_DIR/log4j2.properties"
KAFKA_PID_FILE="$KAFKA_WORK_DIR/kafka.pid"
KAFKA_LOCK_FILE="$KAFKA_WORK_DIR/.lock"
KAFKA_SERVER_LOG="$KAFKA_LOG_DIR/server.log"
KAFKA_CONSOLE_LOG="$KAFKA_LOG_DIR/console.log"

kafka_log() { printf '[kafka] %s\n' "$*" >&2; }
kafka_die() { kafka_log "ERROR: $*"; exit 1; }

kafka_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    printf '%s\n' "$JAVA_HOME/bin/java"
  else
    command -v java || kafka_die "java not found (Kafka 4.x needs Java 17+)"
  fi
}

# Serialise start/stop/reset on one work dir (concurrent CI steps, two terminals, ...).
kafka_lock() {
  mkdir -p "$KAFKA_WORK_DIR"
  exec 9>"$KAFKA_LOCK_FILE"
  flock -w 300 9 || kafka_die "could not lock $KAFKA_LOCK_FILE within 300 s"
}

# True when $1 is a live process that is *our* broker: kafka.Kafka with this work dir's config.
kafka_is_our_pid() {
  local pid="$1" cmdline
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [[ -r "/proc/$pid/cmdline" ]] || return 1
  cmdline="$(tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  grep -qxF 'kafka.Kafka' <<<"$cmdline" && grep -qxF "$KAFKA_PROPS" <<<"$cmdline"
}

# Prints the pid of our running broker (from the pid file, or found by its exact config path if
# the pid file was lost); returns 1 if none is running.
kafka_running_pid() {
  local pid
  if [[ -f "$KAFKA_PID_FILE" ]]; then
    pid="$(tr -dc '0-9' <"$KAFKA_PID_FILE")"
    if kafka_is_our_pid "$pid"; then
      printf '%s\n' "$pid"
      return 0
    fi
  fi
  local d
  for d in /proc/[0-9]*; do
    pid="${d#/proc/}"
    if kafka_is_our_pid "$pid"; then
      printf '%s\n' "$pid"
      return 0
    fi
  done
  return 1
}

kafka_port_open() {
  (exec 3<>"/dev/tcp/$KAFKA_HOST/$1") 2>/dev/null
}

# Last lines of the console and server logs; $2 = byte offset in server.log where this run began
# (so a failed start does not show the previous run's shutdown).
kafka_tail_log() {
  local n="${1:-40}" from="${2:-0}"
  if [[ -s "$KAFKA_CONSOLE_LOG" ]]; then
    kafka_log "---- last $n lines of $KAFKA_CONSOLE_LOG ----"
    tail -n "$n" "$KAFKA_CONSOLE_LOG" >&2
  fi
  if [[ -s "$KAFKA_SERVER_LOG" ]]; then
    local size
    size="$(stat -c %s "$KAFKA_SERVER_LOG")"
    ((size >= from)) || from=0 # rolled over meanwhile
    if ((size > from)); then
      kafka_log "---- last $n lines of $KAFKA_SERVER_LOG (this run) ----"
      tail -c +"$((from + 1))" "$KAFKA_SERVER_LOG" | tail -n "$n" >&2
    else
      kafka_log "(nothing written to $KAFKA_SERVER_LOG by this run)"
    fi
  fi
}

# SIGTERM, wait, SIGKILL after KAFKA_STOP_TIMEOUT. Returns once the process is gone.
kafka_kill_pid() {
  local pid="$1" i
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < KAFKA_STOP_TIMEOUT * 5; i++)); do
    kafka_is_our_pid "$pid" || return 0
    sleep 0.2
  done
  kafka_log "broker (pid $pid) still running after ${KAFKA_STOP_TIMEOUT}s, sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    kafka_is_our_pid "$pid" || return 0
    sleep 0.2
  done
  kafka_die "broker (pid $pid) did not exit after SIGKILL"
}
