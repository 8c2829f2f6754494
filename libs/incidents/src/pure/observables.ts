export const OBSERVABLE_TYPES = ['ip', 'domain', 'url', 'hash', 'user', 'host'] as const;
export type ObservableType = (typeof OBSERVABLE_TYPES)[number];

export interface Observable {
  type: ObservableType;
  value: string;
}

/** What an alert tells about the things involved. */
export interface ObservableSource {
  sourceIp?: string;
  userNames?: readonly string[];
  hostNames?: readonly string[];
  indicator?: { type: string; value: string };
  groupBy?: Readonly<Record<string, string>>;
}

const INDICATOR_TYPES: Readonly<Record<string, ObservableType>> = { ip: 'ip', cidr: 'ip', domain: 'domain', url: 'url', hash: 'hash', md5: 'hash', sha1: 'hash', sha256: 'hash' };
const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;

/**
 * IPs, domains, URLs, hashes, users and hosts named by an alert, normalised (lower-case names and hashes)
 * and de-duplicated, so the same attacker seen by ten rules is one observable with ten sightings.
 */
export function observablesOf(alert: ObservableSource): Observable[] {
  const found = new Map<string, Observable>();
  const add = (type: ObservableType, raw: string | undefined) => {
    const value = raw?.trim();
    if (!value) return;
    const normal = type === 'url' || type === 'ip' ? value : value.toLowerCase();
    found.set(`${type}\u0000${normal}`, { type, value: normal });
  };
  add('ip', alert.sourceIp);
  for (const user of alert.userNames ?? []) add('user', user);
  for (const host of alert.hostNames ?? []) add('host', host);
  if (alert.indicator) add(INDICATOR_TYPES[alert.indicator.type.toLowerCase()] ?? 'url', alert.indicator.value);
  for (const [field, value] of Object.entries(alert.groupBy ?? {})) {
    if (/(^|\.)ip$/.test(field) && IPV4.test(value)) add('ip', value);
    else if (/(^|\.)domain$/.test(field)) add('domain', value);
    else if (field === 'user.name') add('user', value);
    else if (field === 'host.name') add('host', value);
  }
  return [...found.values()];
}
