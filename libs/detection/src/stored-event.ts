import type { SecurityEvent } from '@soc/parsers';

/** A normalized event with the id it is stored under. */
export interface StoredEvent {
  id: string;
  event: SecurityEvent;
}
