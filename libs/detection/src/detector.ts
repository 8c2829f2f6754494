import { SecurityEvent } from '@soc/parsers';
import { AlertFinding, DetectableEvent } from './alert-finding';
import { emptySshBruteForceState, SshBruteForceRule, SshBruteForceState } from './rules/ssh-brute-force.rule';

/** Everything the built-in rules remember between batches; checkpointed with each batch. */
export interface DetectionState {
  sshBruteForce: SshBruteForceState;
}

export const emptyDetectionState = (): DetectionState => ({ sshBruteForce: emptySshBruteForceState() });

export interface StoredEvent {
  id: string;
  event: SecurityEvent;
}

/** Runs the built-in rules over a batch of stored events. Pure: same events + same state ⇒ same findings. */
export class Detector {
  constructor(private readonly sshBruteForce = new SshBruteForceRule()) {}

  /** `scope`: the stream that owns `state` (see SshBruteForceRule.evaluate). */
  evaluate(events: readonly StoredEvent[], state: DetectionState, scope: string): AlertFinding[] {
    const detectable = events.map(toDetectable);
    return this.sshBruteForce.evaluate(detectable, state.sshBruteForce, scope);
  }
}

function toDetectable({ id, event }: StoredEvent): DetectableEvent {
  return {
    id,
    timestampMs: Date.parse(event['@timestamp']),
    action: event.event.action,
    outcome: event.event.outcome,
    sourceIp: event.source?.ip,
    userName: event.user?.name,
    hostName: event.host?.name,
    agencyId: event.soc.agency_id ?? null,
    systemId: event.soc.system_id ?? null,
    securityLevel: event.soc.security_level ?? null,
    count: event.event.count ?? 1,
  };
}
