import { AlertFinding, DetectableEvent } from '../alert-finding';

export interface SshBruteForceOptions {
  threshold: number;
  windowMs: number;
  /** Contributing event ids kept per alert; the count stays exact past it. */
  maxEventIds: number;
  /** Source IPs tracked at once; past it the stalest is evicted and counted. */
  maxTrackedSources: number;
}

export const SSH_BRUTE_FORCE_DEFAULTS: SshBruteForceOptions = {
  threshold: 5,
  windowMs: 60_000,
  maxEventIds: 200,
  maxTrackedSources: 200_000,
};

interface Attempt {
  ts: number;
  id: string;
  count: number;
  user?: string;
  host?: string;
  system?: string;
  level?: number;
}

interface OpenAlert {
  fingerprint: string;
  firstSeen: number;
  lastSeen: number;
  eventCount: number;
  eventIds: string[];
  users: string[];
  hosts: string[];
  /** Absent in state checkpointed before systems were known. */
  systems?: string[];
  level?: number;
}

/** Keyed by agency and source IP: an agency's alert holds only that agency's events. */
interface SourceState {
  ip: string;
  agencyId: string | null;
  attempts: Attempt[];
  lastSeen: number;
  open?: OpenAlert;
}

/** Plain JSON, so it can be checkpointed in the same transaction as the events that built it. */
export interface SshBruteForceState {
  version: 1;
  sources: Record<string, SourceState>;
  /** Highest event time seen; state older than two windows behind it is dropped. */
  watermark: number;
  evicted: number;
}

export const emptySshBruteForceState = (): SshBruteForceState => ({ version: 1, sources: {}, watermark: 0, evicted: 0 });

export const SSH_BRUTE_FORCE_RULE = {
  id: 'soc.ssh.brute_force',
  title: 'Dò mật khẩu SSH (SSH brute force)',
  severity: 'high' as const,
  tags: ['attack.credential_access', 'attack.t1110.001'],
};

/**
 * "N or more failed SSH logins from one source IP within W", on event time.
 * The window slides with every attempt, so a burst that straddles any boundary is still seen.
 * While a burst continues (attempts less than W apart), it extends the same alert.
 */
export class SshBruteForceRule {
  constructor(private readonly options: SshBruteForceOptions = SSH_BRUTE_FORCE_DEFAULTS) {}

  /**
   * `scope` names the state's owner (the stream whose events built it) and is part of every fingerprint:
   * two streams counting the same IP independently raise separate alerts instead of overwriting one.
   * Joining them across streams is correlation's job (incidents), not this rule's.
   */
  evaluate(events: readonly DetectableEvent[], state: SshBruteForceState, scope: string): AlertFinding[] {
    const changed = new Map<string, AlertFinding>();
    for (const event of events) {
      if (event.action !== 'ssh_login' || event.outcome !== 'failure' || !event.sourceIp) continue;
      const finding = this.apply(event, event.sourceIp, event.agencyId, state, scope);
      if (!finding) continue;
      const earlier = changed.get(finding.fingerprint);
      // An alert created and extended within one batch is announced once, as created, with its final figures.
      changed.set(finding.fingerprint, earlier?.change === 'created' ? { ...finding, change: 'created' } : finding);
    }
    this.prune(state);
    return [...changed.values()];
  }

  private apply(event: DetectableEvent, ip: string, agencyId: string | null, state: SshBruteForceState, scope: string): AlertFinding | undefined {
    const { windowMs, threshold } = this.options;
    const key = `${agencyId ?? ''}|${ip}`;
    const source = state.sources[key] ?? this.track(key, ip, agencyId, state);
    state.watermark = Math.max(state.watermark, event.timestampMs);
    source.lastSeen = Math.max(source.lastSeen, event.timestampMs);
    const attempt: Attempt = {
      ts: event.timestampMs,
      id: event.id,
      count: event.count,
      user: event.userName,
      host: event.hostName,
      system: event.systemId ?? undefined,
      level: event.securityLevel ?? undefined,
    };

    const open = source.open;
    if (open && event.timestampMs >= open.firstSeen - windowMs && event.timestampMs <= open.lastSeen + windowMs) {
      this.extend(open, attempt);
      return this.finding('updated', source, open);
    }

    insertSorted(source.attempts, attempt);
    const windowEnd = source.attempts[source.attempts.length - 1]!.ts;
    source.attempts = source.attempts.filter((a) => a.ts > windowEnd - windowMs);
    const inWindow = source.attempts.filter((a) => a.ts >= event.timestampMs - windowMs && a.ts <= event.timestampMs + windowMs);
    const total = inWindow.reduce((sum, a) => sum + a.count, 0);
    if (total < threshold) return undefined;

    const first = inWindow[0]!;
    const alert: OpenAlert = {
      fingerprint: `${SSH_BRUTE_FORCE_RULE.id}|${scope}|${key}|${first.ts}`,
      firstSeen: first.ts,
      lastSeen: first.ts,
      eventCount: 0,
      eventIds: [],
      users: [],
      hosts: [],
      systems: [],
    };
    for (const a of inWindow) this.extend(alert, a);
    source.open = alert;
    source.attempts = [];
    return this.finding('created', source, alert);
  }

  private extend(alert: OpenAlert, attempt: Attempt): void {
    alert.firstSeen = Math.min(alert.firstSeen, attempt.ts);
    alert.lastSeen = Math.max(alert.lastSeen, attempt.ts);
    alert.eventCount += attempt.count;
    if (alert.eventIds.length < this.options.maxEventIds) alert.eventIds.push(attempt.id);
    if (attempt.user && !alert.users.includes(attempt.user) && alert.users.length < 50) alert.users.push(attempt.user);
    if (attempt.host && !alert.hosts.includes(attempt.host) && alert.hosts.length < 50) alert.hosts.push(attempt.host);
    alert.systems ??= [];
    if (attempt.system && !alert.systems.includes(attempt.system) && alert.systems.length < 50) alert.systems.push(attempt.system);
    if (attempt.level !== undefined) alert.level = Math.max(alert.level ?? 0, attempt.level);
  }

  private finding(change: AlertFinding['change'], { ip, agencyId }: SourceState, alert: OpenAlert): AlertFinding {
    const seconds = Math.round((alert.lastSeen - alert.firstSeen) / 1000);
    return {
      change,
      fingerprint: alert.fingerprint,
      ruleId: SSH_BRUTE_FORCE_RULE.id,
      title: SSH_BRUTE_FORCE_RULE.title,
      severity: SSH_BRUTE_FORCE_RULE.severity,
      tags: SSH_BRUTE_FORCE_RULE.tags,
      entities: {
        sourceIp: ip,
        agencyId,
        userNames: [...alert.users],
        hostNames: [...alert.hosts],
        systemIds: [...(alert.systems ?? [])],
        securityLevel: alert.level ?? null,
      },
      firstSeen: new Date(alert.firstSeen).toISOString(),
      lastSeen: new Date(alert.lastSeen).toISOString(),
      eventCount: alert.eventCount,
      eventIds: [...alert.eventIds],
      explanation:
        `${alert.eventCount} failed SSH logins from ${ip} in ${seconds} s ` +
        `(threshold ${this.options.threshold} within ${this.options.windowMs / 1000} s, on event time)`,
    };
  }

  private track(key: string, ip: string, agencyId: string | null, state: SshBruteForceState): SourceState {
    const keys = Object.keys(state.sources);
    if (keys.length >= this.options.maxTrackedSources) {
      let stalest = keys[0]!;
      for (const key of keys) if (state.sources[key]!.lastSeen < state.sources[stalest]!.lastSeen) stalest = key;
      delete state.sources[stalest];
      state.evicted += 1;
    }
    const source: SourceState = { ip, agencyId, attempts: [], lastSeen: 0 };
    state.sources[key] = source;
    return source;
  }

  /** Forgets sources quiet for two windows of event time: their attempts can no longer count or extend an alert. */
  private prune(state: SshBruteForceState): void {
    const horizon = state.watermark - 2 * this.options.windowMs;
    for (const [key, source] of Object.entries(state.sources)) {
      if (source.lastSeen < horizon) delete state.sources[key];
    }
  }
}

function insertSorted(attempts: Attempt[], attempt: Attempt): void {
  let index = attempts.length;
  while (index > 0 && attempts[index - 1]!.ts > attempt.ts) index -= 1;
  attempts.splice(index, 0, attempt);
}
