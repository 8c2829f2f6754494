import { EventFields } from '../format-parser';
import { actingUser } from './auth-fields';

interface SuPattern {
  pattern: RegExp;
  outcome: 'success' | 'failure';
  /** Capture groups holding the user who ran su and the account asked for. */
  by: number;
  to: number;
}

// The wordings of util-linux, shadow and BSD su.
const PATTERNS: SuPattern[] = [
  { pattern: /^Successful su for (\S+) by (\S+)$/, outcome: 'success', by: 2, to: 1 },
  { pattern: /^FAILED su for (\S+) by (\S+)$/, outcome: 'failure', by: 2, to: 1 },
  { pattern: /^\(to (\S+)\) (\S+) on \S+$/, outcome: 'success', by: 2, to: 1 },
  { pattern: /^\+ \S+ (\S+?):(\S+)$/, outcome: 'success', by: 1, to: 2 },
  { pattern: /^- \S+ (\S+?):(\S+)$/, outcome: 'failure', by: 1, to: 2 },
  { pattern: /^BAD SU (\S+) to (\S+) on \S+$/, outcome: 'failure', by: 1, to: 2 },
  { pattern: /^failed: \S+ changing from (\S+) to (\S+)$/, outcome: 'failure', by: 1, to: 2 },
  { pattern: /^'su (\S+)' failed for (\S+) on \S+$/, outcome: 'failure', by: 2, to: 1 },
  { pattern: /^'su (\S+)' succeeded for (\S+) on \S+$/, outcome: 'success', by: 2, to: 1 },
  { pattern: /^(\S+) to (\S+) on \S+$/, outcome: 'success', by: 1, to: 2 },
];

/** su's own record of a switch of user; `user.name` ran su to act as `user.effective.name`. */
export function parseSuMessage(message: string): EventFields | undefined {
  for (const { pattern, outcome, by, to } of PATTERNS) {
    const match = pattern.exec(message.trim());
    if (!match) continue;
    return {
      event: { category: ['authentication'], type: ['start'], action: 'su', outcome },
      user: actingUser(match[by], match[to]),
    };
  }
  return undefined;
}
