/**
 * Event-time progress: the newest event time seen minus the lateness budget, never moving back. Every
 * event older than it is late; everything before it is final and may be evaluated.
 */
export class EventTimeWatermark {
  constructor(
    readonly latenessMs: number,
    /** Newest event time seen. */
    public maxEventTime = -Infinity,
    /** Raised by idle-flush hints; the watermark never falls below it. */
    public floor = -Infinity,
  ) {}

  current(): number {
    return Math.max(this.maxEventTime - this.latenessMs, this.floor);
  }

  /** Late: older than the watermark, so windows it belongs to may already be judged. */
  isLate(timestamp: number, watermark = this.current()): boolean {
    return timestamp < watermark;
  }

  observe(timestamp: number): void {
    if (timestamp > this.maxEventTime) this.maxEventTime = timestamp;
  }

  /** An idle-flush hint: event time is at least here even though no event says so. */
  raiseTo(hint: number): void {
    if (hint > this.floor) this.floor = hint;
  }
}
