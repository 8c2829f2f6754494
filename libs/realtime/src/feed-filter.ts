import { type AgencyScope, inScope, meetsPriority, type Priority, PRIORITIES } from '@soc/shared';
import type { LiveMessageType, StoredLiveMessage } from './live-message';

/** What a client asked for in `subscribe`; each part optional (absent: no narrowing on it). */
export interface FeedFilters {
  agencies?: readonly string[];
  minPriority?: Priority;
  types?: readonly LiveMessageType[];
}

/**
 * The filters folded together with the caller's agency scope: what one client may and wants to see.
 * The replay's outbox query and the live path both apply it, so both deliver the same messages.
 */
export interface FeedSelection {
  /**
   * Undefined: every message whatever its agency, province-wide ones included (province-wide scope,
   * no `agencies` filter). Otherwise only messages of these agencies — province-wide messages (no
   * agency) are then excluded, as they are from an agency-scoped caller's view everywhere else.
   */
  agencies?: readonly string[];
  types?: readonly LiveMessageType[];
  minPriority?: Priority;
}

/** `agencies` narrows within the scope and never widens it: agencies outside the scope are dropped, not granted. */
export function selectionFor(scope: AgencyScope, filters: FeedFilters): FeedSelection {
  const requested = filters.agencies && [...new Set(filters.agencies)];
  const agencies = scope.all ? requested : (requested ?? scope.agencies).filter((agency) => scope.agencies.includes(agency));
  return {
    ...(agencies ? { agencies } : {}),
    ...(filters.types ? { types: [...new Set(filters.types)] } : {}),
    ...(filters.minPriority ? { minPriority: filters.minPriority } : {}),
  };
}

/**
 * Whether a client with this scope and selection receives the message. A message without a priority
 * (e.g. `source.silent`) is not filtered by `minPriority`: it concerns the feed itself, not an incident's urgency.
 */
export function isDeliverable(scope: AgencyScope, selection: FeedSelection, { message, agencyId, priority }: StoredLiveMessage): boolean {
  // The scope check is repeated although the selection already folds it in: a selection bug must not leak.
  if (!inScope(scope, agencyId)) return false;
  if (selection.agencies && (agencyId === null || !selection.agencies.includes(agencyId))) return false;
  if (selection.types && !selection.types.includes(message.type)) return false;
  return !selection.minPriority || priority === null || meetsPriority(priority, selection.minPriority);
}

/** The priorities that pass `minPriority` (P3 → P1, P2, P3), for a query condition. */
export function prioritiesMeeting(minPriority: Priority): Priority[] {
  return PRIORITIES.filter((priority) => meetsPriority(priority, minPriority));
}
