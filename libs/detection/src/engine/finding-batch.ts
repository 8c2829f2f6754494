import type { AlertFinding } from '../alert-finding';

/** A batch's findings by fingerprint: an alert created and extended in one batch is announced once, as created. */
export class FindingBatch {
  private readonly byFingerprint = new Map<string, AlertFinding>();

  add(finding: AlertFinding): void {
    const earlier = this.byFingerprint.get(finding.fingerprint);
    this.byFingerprint.set(finding.fingerprint, earlier?.change === 'created' ? { ...finding, change: 'created' } : finding);
  }

  list(): AlertFinding[] {
    return [...this.byFingerprint.values()];
  }
}
