import { NetworkTable, parseNetwork } from '@soc/net';
import type { SecurityEvent } from '@soc/parsers';
import type { Indicator, IndicatorType, IntelField, IntelHit } from './indicator';
import { domainKey, hostOfNormalizedUrl, normalizeIndicator, normalizeUrl } from './normalize';

interface Entry {
  indicator: Indicator;
  /** validUntil in epoch ms; Infinity for none. */
  until: number;
}

/** A value an analyst asks about, and every indicator that covers it (expired ones flagged). */
export interface IntelLookup {
  input: string;
  type: IndicatorType | null;
  /** The value in canonical form; null when it is not a recognisable indicator. */
  normalized: string | null;
  /** Why the value could not be read; absent when it could. */
  reason?: string;
  matches: Array<{ indicator: Indicator; expired: boolean }>;
}

const NONE: readonly Entry[] = [];

/**
 * Every indicator of every list, held for matching events at line rate: a network table for
 * addresses and CIDR networks (each network also carries the indicators of the networks around it,
 * so one longest-prefix lookup answers every covering one), and hash maps for domains (walked
 * suffix by suffix, so a listed domain matches its subdomains), URLs and file hashes. Hits carry
 * the indicator with its canonical value.
 */
export class IntelIndex {
  private readonly networks = new NetworkTable<readonly Entry[]>();
  /** The IPv4 part of `networks` keyed by plain numbers, most specific prefix first: dotted-quad addresses (nearly all) skip BigInt. */
  private readonly v4: Array<{ shift: number; byValue: Map<number, readonly Entry[]> }> = [];
  private readonly domains = new Map<string, Entry[]>();
  private readonly urls = new Map<string, Entry[]>();
  private readonly hashes = new Map<string, Entry[]>();
  /** Indicators held. */
  readonly size: number;
  /** Indicators whose value did not normalise (never the case for values stored by the importers). */
  readonly skipped: number;

  constructor(indicators: Iterable<Indicator>) {
    const byNetwork = new Map<string, Entry[]>();
    let size = 0;
    let skipped = 0;
    for (const indicator of indicators) {
      const normalized = normalizeIndicator(indicator.value, indicator.type);
      if (!normalized.ok) {
        skipped++;
        continue;
      }
      size++;
      // Hits show the canonical value (stored values already are: no copy then).
      const held = normalized.value === indicator.value && normalized.type === indicator.type ? indicator : { ...indicator, type: normalized.type, value: normalized.value };
      const entry: Entry = { indicator: held, until: indicator.validUntil ? indicator.validUntil.getTime() : Number.POSITIVE_INFINITY };
      switch (normalized.type) {
        case 'ip':
          push(byNetwork, normalized.value, entry);
          break;
        case 'domain':
          push(this.domains, normalized.value, entry);
          break;
        case 'url':
          push(this.urls, normalized.value, entry);
          break;
        case 'md5':
        case 'sha1':
        case 'sha256':
          push(this.hashes, normalized.value, entry);
          break;
      }
    }
    this.size = size;
    this.skipped = skipped;
    // Widest networks first: each network's entries then include those of the nearest network
    // around it, which already include the ones around that.
    const networks = [...byNetwork].map(([text, entries]) => ({ text, network: parseNetwork(text)!, entries }));
    networks.sort((a, b) => a.network.prefix - b.network.prefix);
    for (const { text, network, entries } of networks) {
      const around = this.networks.lookup(text.split('/')[0]!) ?? NONE;
      const all = around.length > 0 ? [...entries, ...around] : entries;
      this.networks.set(network, all);
      if (network.version === 4) {
        const shift = 32 - network.prefix;
        let level = this.v4.find((l) => l.shift === shift);
        if (!level) this.v4.push((level = { shift, byValue: new Map() }));
        level.byValue.set(shift === 32 ? 0 : Number(network.value) / 2 ** shift, all);
      }
    }
    this.v4.sort((a, b) => a.shift - b.shift);
  }

  /** Entries of the most specific network holding the address (which include those of every wider one). */
  private networkEntries(address: string): readonly Entry[] | undefined {
    const v4 = ipv4Number(address);
    if (v4 === undefined) return this.networks.lookup(address);
    for (const { shift, byValue } of this.v4) {
      const found = byValue.get(shift === 32 ? 0 : v4 >>> shift);
      if (found) return found;
    }
    return undefined;
  }

  /** The indicators an event matches, not expired at `now`; each (indicator, field) once. */
  matches(event: SecurityEvent, now: Date): IntelHit[] {
    const hits: IntelHit[] = [];
    const at = now.getTime();
    if (this.networks.size > 0) {
      if (event.source?.ip) this.matchIp(hits, at, 'source.ip', event.source.ip);
      if (event.destination?.ip) this.matchIp(hits, at, 'destination.ip', event.destination.ip);
      const hostIps = event.host?.ip;
      if (hostIps) for (let i = 0; i < hostIps.length; i++) if (hostIps.indexOf(hostIps[i]!) === i) this.matchIp(hits, at, 'host.ip', hostIps[i]!);
    }
    if (this.domains.size > 0 || this.networks.size > 0) {
      if (event.url?.domain) this.matchHost(hits, at, 'url.domain', event.url.domain);
      if (event.destination?.domain) this.matchHost(hits, at, 'destination.domain', event.destination.domain);
      if (event.dns?.question?.name) this.matchHost(hits, at, 'dns.question.name', event.dns.question.name);
    }
    if (event.url?.original) this.matchUrl(hits, at, event.url);
    const fileHashes = event.file?.hash;
    if (fileHashes && this.hashes.size > 0) {
      for (const algorithm in fileHashes) {
        const value = fileHashes[algorithm]!;
        if (value.length === 32 || value.length === 40 || value.length === 64) {
          collect(hits, at, this.hashes.get(value.toLowerCase()), `file.hash.${algorithm}`, value);
        }
      }
    }
    return hits;
  }

  /**
   * What the lists hold about one value an analyst has (an address, domain, URL or hash, type
   * inferred): the indicators that would match it in an event, plus the expired ones.
   */
  lookup(input: string, now: Date): IntelLookup {
    const normalized = normalizeIndicator(input);
    if (!normalized.ok) return { input, type: null, normalized: null, reason: normalized.reason, matches: [] };
    const entries: Entry[] = [];
    const { type, value } = normalized;
    switch (type) {
      case 'ip': {
        const slash = value.indexOf('/');
        entries.push(...(this.networkEntries(slash < 0 ? value : value.slice(0, slash)) ?? NONE));
        break;
      }
      case 'domain':
        this.forEachDomainSuffix(value, (found) => entries.push(...found));
        break;
      case 'url': {
        entries.push(...(this.urls.get(value) ?? NONE));
        const host = hostOfNormalizedUrl(value);
        const network = this.networkEntries(host);
        if (network) entries.push(...network);
        else this.forEachDomainSuffix(host, (found) => entries.push(...found));
        break;
      }
      case 'md5':
      case 'sha1':
      case 'sha256':
        entries.push(...(this.hashes.get(value) ?? NONE));
        break;
    }
    const at = now.getTime();
    const seen = new Set<Indicator>();
    const matches: IntelLookup['matches'] = [];
    for (const { indicator, until } of entries) {
      if (seen.has(indicator)) continue;
      seen.add(indicator);
      matches.push({ indicator, expired: until <= at });
    }
    return { input, type, normalized: value, matches };
  }

  private matchIp(hits: IntelHit[], at: number, field: IntelField, address: string): void {
    collect(hits, at, this.networkEntries(address), field, address);
  }

  /** A host name field: a domain (and its parents), or an address when the field holds one. */
  private matchHost(hits: IntelHit[], at: number, field: IntelField, name: string): void {
    const first = name.charCodeAt(0);
    if ((first >= 48 && first <= 57) || name.includes(':')) {
      const found = this.networkEntries(name.startsWith('[') ? name.slice(1, -1) : name);
      if (found) return collect(hits, at, found, field, name);
    }
    if (this.domains.size === 0) return;
    const domain = domainKey(name);
    for (let from = 0; ; ) {
      collect(hits, at, this.domains.get(from === 0 ? domain : domain.slice(from)), field, name);
      from = nextSuffix(domain, from);
      if (from < 0) return;
    }
  }

  /** The domain itself, then each parent down to (not including) the top-level label. */
  private forEachDomainSuffix(domain: string, found: (entries: readonly Entry[]) => void): void {
    for (let from = 0; from >= 0; from = nextSuffix(domain, from)) {
      const entries = this.domains.get(from === 0 ? domain : domain.slice(from));
      if (entries) found(entries);
    }
  }

  /**
   * `url.original` as an absolute URL. In origin form (`/path?q`, as web servers and some firewalls
   * log it) it is rebuilt from `url.domain` with the logged scheme, else the one the port implies,
   * else both http and https; without a scheme (`host/path`, as some firewalls log it) both http and
   * https are tried. When the event gives no `url.domain`, the URL's host is also matched against
   * domains and addresses.
   */
  private matchUrl(hits: IntelHit[], at: number, url: NonNullable<SecurityEvent['url']>): void {
    const original = url.original!;
    let candidates: string[];
    let host: string | undefined;
    if (original.charCodeAt(0) === 47 /* / */) {
      if (!url.domain) return;
      const port = url.port === undefined ? '' : `:${url.port}`;
      const schemes = url.scheme ? [url.scheme] : url.port === 443 ? ['https'] : url.port === 80 ? ['http'] : ['http', 'https'];
      candidates = schemes.map((scheme) => `${scheme}://${url.domain}${port}${original}`);
    } else if (ABSOLUTE.test(original)) {
      candidates = [original];
    } else {
      candidates = [`http://${original}`, `https://${original}`];
    }
    for (const candidate of candidates) {
      const normalized = normalizeUrl(candidate);
      if (normalized === undefined) continue;
      host ??= hostOfNormalizedUrl(normalized);
      // The value reported is what the event logged, unless it had to be rebuilt to be compared.
      if (this.urls.size > 0) collect(hits, at, this.urls.get(normalized), 'url.original', original.charCodeAt(0) === 47 ? normalized : original);
    }
    if (host !== undefined && !url.domain) this.matchHost(hits, at, 'url.original', host);
  }
}

const ABSOLUTE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;

/** Where the parent of the domain suffix starting at `from` starts; -1 when that would be the top-level label alone. */
function nextSuffix(domain: string, from: number): number {
  const dot = domain.indexOf('.', from);
  return dot < 0 || domain.indexOf('.', dot + 1) < 0 ? -1 : dot + 1;
}

/** A dotted-quad IPv4 address as an unsigned 32-bit number, without allocating; undefined for anything else. */
function ipv4Number(text: string): number | undefined {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits > 0 && part === 0) return undefined; // leading zero: not canonical, leave it to parseIp
      part = part * 10 + (c - 48);
      if (++digits > 3 || part > 255) return undefined;
    } else if (c === 46 && digits > 0 && dots < 3) {
      value = value * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else return undefined;
  }
  return dots === 3 && digits > 0 ? value * 256 + part : undefined;
}

function push<K>(map: Map<K, Entry[]>, key: K, entry: Entry): void {
  const entries = map.get(key);
  if (entries) entries.push(entry);
  else map.set(key, [entry]);
}

function collect(hits: IntelHit[], at: number, entries: readonly Entry[] | undefined, field: IntelField, value: string): void {
  if (!entries) return;
  for (const { indicator, until } of entries) {
    if (until <= at) continue;
    if (hits.some((hit) => hit.indicator === indicator && hit.field === field)) continue;
    hits.push({ indicator, field, value });
  }
}
