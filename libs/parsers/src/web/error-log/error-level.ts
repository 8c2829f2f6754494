/** `event.type` of a server error log record: its severity decides between `error` and `info`. */
export function errorLogType(level: string): string[] {
  return ERROR_LEVELS.has(level) ? ['error'] : ['info'];
}

const ERROR_LEVELS = new Set(['emerg', 'alert', 'crit', 'error']);
