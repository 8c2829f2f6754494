import type { SecurityEvent } from '@soc/parsers';
import type { AlertFinding } from '../alert-finding';
import type { RuleInfo } from '../content/rule-info';
import type { DetectionState, MatchedSelection, OpenAlert } from './detection-state';

const MAX_LISTED = 50;

export interface SingleMatch {
  key: string;
  ruleId: string;
  eventId: string;
  timestamp: number;
  event: SecurityEvent;
  explanation: string;
  matches: MatchedSelection[];
  indicator?: OpenAlert['indicator'];
  severity?: OpenAlert['severity'];
}

/**
 * Alerts raised by one event each (a Sigma detection rule, a threat-intel hit), with suppression:
 * a repeat of the same rule on the same entities within the window (event time) updates the open
 * alert instead of raising a new one; a quiet window closes it. Plain functions over the state, so
 * the state stays plain JSON.
 */
export class OpenAlerts {
  constructor(private readonly options: { suppressionMs: number; maxEventIds: number; maxOpen: number }) {}

  /** Records the match and returns the alert as it now stands, with whether it is new. */
  record(state: DetectionState, scope: string, match: SingleMatch): { change: 'created' | 'updated'; alert: OpenAlert } {
    const { suppressionMs } = this.options;
    const open = state.open[match.key];
    if (open && match.timestamp >= open.firstSeen - suppressionMs && match.timestamp <= open.lastSeen + suppressionMs) {
      this.extend(open, match);
      return { change: 'updated', alert: open };
    }
    this.makeRoom(state);
    const alert: OpenAlert = {
      fingerprint: `${match.ruleId}|${scope}|${match.key}|${match.timestamp}`,
      ruleId: match.ruleId,
      firstSeen: match.timestamp,
      lastSeen: match.timestamp,
      eventCount: 0,
      eventIds: [],
      agencyId: match.event.soc.agency_id ?? null,
      sourceIps: [],
      users: [],
      hosts: [],
      systems: [],
      level: null,
      explanation: match.explanation,
      matches: match.matches,
      ...(match.indicator ? { indicator: match.indicator } : {}),
      ...(match.severity ? { severity: match.severity } : {}),
    };
    this.extend(alert, match);
    state.open[match.key] = alert;
    return { change: 'created', alert };
  }

  /** Forgets alerts whose window has closed behind the newest event time. */
  prune(state: DetectionState): void {
    const horizon = state.maxEventTime - this.options.suppressionMs;
    for (const [key, alert] of Object.entries(state.open)) if (alert.lastSeen < horizon) delete state.open[key];
  }

  toFinding(change: 'created' | 'updated', alert: OpenAlert, info: RuleInfo | undefined, kind: 'rule' | 'intel'): AlertFinding {
    return {
      change,
      fingerprint: alert.fingerprint,
      ruleId: alert.ruleId,
      title: info?.title ?? alert.ruleId,
      severity: alert.severity ?? info?.severity ?? 'medium',
      tags: [...(info?.tags ?? [])],
      entities: {
        ...(alert.sourceIps[0] ? { sourceIp: alert.sourceIps[0] } : {}),
        agencyId: alert.agencyId,
        userNames: [...alert.users],
        hostNames: [...alert.hosts],
        systemIds: [...alert.systems],
        securityLevel: alert.level,
      },
      firstSeen: new Date(alert.firstSeen).toISOString(),
      lastSeen: new Date(alert.lastSeen).toISOString(),
      eventCount: alert.eventCount,
      eventIds: [...alert.eventIds],
      explanation: alert.eventCount > 1 ? `${alert.explanation} (${alert.eventCount} events)` : alert.explanation,
      kind,
      ...(info?.author ? { author: info.author } : {}),
      ...(info?.references.length ? { references: info.references } : {}),
      matches: alert.matches,
      ...(alert.indicator ? { indicator: alert.indicator } : {}),
    };
  }

  private extend(alert: OpenAlert, { eventId, timestamp, event }: SingleMatch): void {
    alert.firstSeen = Math.min(alert.firstSeen, timestamp);
    alert.lastSeen = Math.max(alert.lastSeen, timestamp);
    alert.eventCount += event.event.count ?? 1;
    // All ids up to the cap; past it the first half stays and the second half slides: the first and last events.
    if (alert.eventIds.length >= this.options.maxEventIds) alert.eventIds.splice(Math.floor(this.options.maxEventIds / 2), 1);
    alert.eventIds.push(eventId);
    addDistinct(alert.sourceIps, event.source?.ip);
    addDistinct(alert.users, event.user?.name);
    addDistinct(alert.hosts, event.host?.name);
    addDistinct(alert.systems, event.soc.system_id ?? undefined);
    const level = event.soc.security_level;
    if (typeof level === 'number') alert.level = Math.max(alert.level ?? 0, level);
  }

  /** At the cap, the alert quiet the longest gives way (rare: the cap is far above a province's open alerts). */
  private makeRoom(state: DetectionState): void {
    const keys = Object.keys(state.open);
    if (keys.length < this.options.maxOpen) return;
    let stalest = keys[0]!;
    for (const key of keys) if (state.open[key]!.lastSeen < state.open[stalest]!.lastSeen) stalest = key;
    delete state.open[stalest];
  }
}

function addDistinct(list: string[], value: string | undefined): void {
  if (value && list.length < MAX_LISTED && !list.includes(value)) list.push(value);
}
