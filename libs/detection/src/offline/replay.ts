import { parseRaw, RawEnvelope } from '@soc/parsers';
import type { AlertFinding } from '../alert-finding';
import type { DetectionContent } from '../content/detection-content';
import { DEFAULT_DETECTION_OPTIONS, DetectionEngine, DetectionHealth, DetectionOptions } from '../engine/detection-engine';
import { DetectionState, emptyDetectionState } from '../engine/detection-state';
import type { StoredEvent } from '../stored-event';

/** The deployment's zone: where a timestamp without one is read (the province's sources log local time). */
export const REPLAY_TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** The one stream every replayed line belongs to (state is per stream, as in ingest). */
export const REPLAY_SCOPE = 'replay';
/** Records per `evaluate` call; a batch is closed only where event time strictly moves on (see {@link LineReplay}). */
export const REPLAY_BATCH_SIZE = 5_000;

export interface ReplayOptions {
  /**
   * The replay's "present": each line's receipt time (which fixes the year of year-less syslog stamps)
   * and the detection clock (events stamped more than 5 min after it are kept but not correlated).
   * Taken from the caller, never from the wall clock, so a replay is reproducible.
   */
  now: Date;
  /** Zone of timestamps that carry none; default Asia/Ho_Chi_Minh. */
  timeZone?: string;
  /** Source id stamped on every event (`soc.source_id`); default `replay`. */
  sourceId?: string;
  /** A source's format hint (skips auto-detection), as a registered source may have. */
  formatHint?: string;
  /** Detection options besides the lateness, which a replay always sets to 0. */
  detection?: Partial<Omit<DetectionOptions, 'latenessMs'>>;
  /** Records per engine call (default {@link REPLAY_BATCH_SIZE}); results do not depend on it for input in event-time order. */
  batchSize?: number;
}

/** A line no parser could read, and why (the ingest pipeline would put it in `dead_letters`). */
export interface ReplayDeadLetter {
  /** Where the line was: `<input>:<line number>` (1-based). */
  line: string;
  reason: string;
  /** The line as read. */
  text: string;
}

export interface ReplayResult {
  /** Records read (blank lines are not records). */
  events: number;
  /** Records the parsers normalized; `events - parsed` are the dead letters. */
  parsed: number;
  deadLetters: ReplayDeadLetter[];
  /**
   * Every alert as it stands after the last record: one per fingerprint, with its final figures
   * (an alert created and later extended is reported once, with the extended count, ids and times).
   * `change` says whether it was extended after it was first raised. In order of first appearance.
   */
  alerts: AlertFinding[];
  /** Detection's own health: late events (older than what an earlier batch already judged), future events, state caps. */
  health: DetectionHealth[];
}

/**
 * Runs raw log lines through the whole offline path — `parseRaw` (one {@link RawEnvelope} per line)
 * → `DetectionEngine.evaluate` — as the ingest pipeline does, but with no database, bus or clock:
 * a fresh detection state, one fixed stream ({@link REPLAY_SCOPE}), no threat-intel lists or exceptions.
 *
 * **Lateness 0.** The live pipeline waits up to 60 s of event time for stragglers before it judges a
 * window. A replay has no stragglers to wait for, so its lateness budget is 0: every window is judged
 * as soon as the records that close it have been read, and after the last record everything has been
 * judged at once — no idle flush is needed. (Conditions with an upper bound — lt, lte, eq — are judged
 * when their window's end passes, so a window still open at the last record is not judged; the
 * bundled rules use only gte.) The price is that **order matters**: records are taken in
 * input order, in batches, and a record older than the newest record of an earlier batch is *late*
 * (reported in `health`, matched by single-event rules, but not correlated), exactly like a live
 * record beyond the budget. Give input in event-time order, as sources send it. Within a batch order
 * does not matter, and a batch is only closed where event time strictly moves forward, so records
 * sharing a timestamp (same-second syslog) are never split and never late.
 */
export function replayLines(lines: Iterable<string>, content: DetectionContent, options: ReplayOptions): ReplayResult {
  const replay = new LineReplay(content, options);
  for (const line of lines) replay.add(line);
  return replay.finish();
}

/**
 * {@link replayLines} one line at a time, for inputs read as a stream (the CLI's long files): memory
 * stays at one batch of events plus the detection state.
 */
export class LineReplay {
  private readonly engine: DetectionEngine;
  private readonly state: DetectionState = emptyDetectionState();
  private readonly alerts = new Map<string, AlertFinding>();
  private readonly health = new Map<string, DetectionHealth>();
  private readonly deadLetters: ReplayDeadLetter[] = [];
  private readonly batchSize: number;
  private batch: StoredEvent[] = [];
  /** Newest event time read so far (in this batch or an earlier one). */
  private newest = -Infinity;
  private events = 0;
  private parsed = 0;
  private readonly lineNumbers = new Map<string, number>();

  constructor(
    content: DetectionContent,
    private readonly options: ReplayOptions,
  ) {
    this.engine = new DetectionEngine(content, { ...DEFAULT_DETECTION_OPTIONS, ...options.detection, latenessMs: 0 });
    this.batchSize = Math.max(1, options.batchSize ?? REPLAY_BATCH_SIZE);
  }

  /** Records read and parsed so far, and alerts raised so far (for progress lines). */
  get progress(): { events: number; parsed: number; alerts: number } {
    return { events: this.events, parsed: this.parsed, alerts: this.alerts.size };
  }

  /**
   * One raw line of input `input` (a file name; `line` by default). Its event id is `<input>:<line
   * number>`, so an alert's `eventIds` point back at the lines behind it. Blank lines are skipped
   * (but counted for line numbers).
   */
  add(text: string, input = 'line'): void {
    const lineNumber = (this.lineNumbers.get(input) ?? 0) + 1;
    this.lineNumbers.set(input, lineNumber);
    const line = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (line.trim().length === 0) return;
    this.events += 1;
    const id = `${input}:${lineNumber}`;
    const envelope: RawEnvelope = { sourceId: this.options.sourceId ?? 'replay', receivedAt: this.options.now, transport: 'http', payload: line };
    if (this.options.formatHint !== undefined) envelope.formatHint = this.options.formatHint;
    const outcome = parseRaw(envelope, { timeZone: this.options.timeZone ?? REPLAY_TIME_ZONE });
    if (!outcome.ok) {
      this.deadLetters.push({ line: id, reason: outcome.reason, text: line });
      return;
    }
    this.parsed += 1;
    const timestamp = Date.parse(outcome.event['@timestamp']);
    // Close the batch only where event time moves strictly past everything read so far: the next record
    // is then at or past the watermark (newest + 1 ms with lateness 0), so the split makes nothing late.
    // Input far out of order may offer no such place; past ten batches' worth it is split anyway.
    if ((this.batch.length >= this.batchSize && timestamp > this.newest) || this.batch.length >= 10 * this.batchSize) this.flush();
    this.batch.push({ id, event: outcome.event });
    if (timestamp > this.newest) this.newest = timestamp;
  }

  /** Judges what is left and returns the whole replay's result. */
  finish(): ReplayResult {
    this.flush();
    return { events: this.events, parsed: this.parsed, deadLetters: [...this.deadLetters], alerts: [...this.alerts.values()], health: [...this.health.values()] };
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    const outcome = this.engine.evaluate(this.batch, this.state, REPLAY_SCOPE, { now: this.options.now });
    this.batch = [];
    for (const finding of outcome.findings) {
      const earlier = this.alerts.get(finding.fingerprint);
      // The latest finding holds the final figures; `change` records whether the alert ever grew after it was raised.
      this.alerts.set(finding.fingerprint, earlier ? { ...finding, change: 'updated' } : finding);
    }
    for (const item of outcome.health) {
      const key = `${item.kind}|${item.ruleId ?? ''}`;
      const seen = this.health.get(key);
      this.health.set(key, seen ? { ...seen, count: seen.count + item.count } : { ...item });
    }
  }
}
