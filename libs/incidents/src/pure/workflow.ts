/** The response workflow. `resolved` and `closed` need a resolution; a reopened incident goes back to investigating. */
export const INCIDENT_STATES = ['new', 'acknowledged', 'investigating', 'contained', 'resolved', 'closed'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];

export const RESOLUTIONS = ['true_positive', 'false_positive', 'duplicate', 'benign'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const OPEN_STATES: readonly IncidentState[] = ['new', 'acknowledged', 'investigating', 'contained'];

const ALLOWED: Readonly<Record<IncidentState, readonly IncidentState[]>> = {
  new: ['acknowledged', 'investigating', 'resolved', 'closed'],
  acknowledged: ['investigating', 'contained', 'resolved', 'closed'],
  investigating: ['contained', 'resolved', 'closed'],
  contained: ['investigating', 'resolved', 'closed'],
  resolved: ['closed', 'investigating'],
  closed: ['investigating'],
};

export interface WorkflowPosition {
  state: IncidentState;
  resolution: Resolution | null;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
}

export interface TransitionRequest {
  to: IncidentState;
  resolution?: Resolution;
}

export interface TransitionPlan {
  state: IncidentState;
  resolution: Resolution | null;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  reopened: boolean;
}

export type TransitionOutcome = { ok: true; plan: TransitionPlan } | { ok: false; reason: string };

export function allowedTransitions(state: IncidentState): readonly IncidentState[] {
  return ALLOWED[state];
}

/**
 * Validates a transition and works out what it stamps: the first move out of `new` is the acknowledgement
 * (MTTA), the first move to resolved or closed the resolution (MTTR); reopening clears both ends.
 */
export function planTransition(from: WorkflowPosition, request: TransitionRequest, now: Date): TransitionOutcome {
  if (!ALLOWED[from.state].includes(request.to)) {
    return { ok: false, reason: `cannot go from ${from.state} to ${request.to}; allowed: ${ALLOWED[from.state].join(', ')}` };
  }
  const finishing = request.to === 'resolved' || request.to === 'closed';
  const reopened = (from.state === 'resolved' || from.state === 'closed') && !finishing;
  const resolution = finishing ? (request.resolution ?? from.resolution) : reopened ? null : from.resolution;
  if (finishing && !resolution) return { ok: false, reason: `${request.to} needs a resolution: ${RESOLUTIONS.join(', ')}` };
  if (!finishing && request.resolution) return { ok: false, reason: `a resolution is given only when resolving or closing` };
  return {
    ok: true,
    plan: {
      state: request.to,
      resolution,
      acknowledgedAt: from.acknowledgedAt ?? now,
      resolvedAt: reopened ? null : finishing ? (from.resolvedAt ?? now) : from.resolvedAt,
      closedAt: request.to === 'closed' ? now : null,
      reopened,
    },
  };
}
