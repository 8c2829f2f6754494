import { AssetIndex } from '@soc/inventory';
import { parseNetwork } from '@soc/net';
import type { SourceProfile } from '@soc/sources';
import { prepareBatch } from '../src/prepare-batch';

const assets = new AssetIndex([
  { systemId: 'dvc', agencyId: 'so-tttt', securityLevel: 3, kind: 'network', network: parseNetwork('10.1.0.0/16')! },
  { systemId: 'his', agencyId: 'so-yte', securityLevel: 2, kind: 'hostname', hostname: 'his-web' },
]);
const profile = (agencyId: string | null): SourceProfile => ({ registered: true, agencyId, formatHint: null, timeZone: null });
const profiles = new Map<string, SourceProfile>([
  ['fw-tttt', profile('so-tttt')],
  ['fw-datacenter', profile(null)],
]);
const sshd = (host: string) => `Nov 30 16:40:00 ${host} sshd[42]: Failed password for root from 203.0.113.9 port 5000 ssh2`;
const message = (sourceId: string, payload: string) => ({ envelope: { sourceId, receivedAt: new Date('2026-11-30T09:40:01Z'), transport: 'http' as const, payload } });
let n = 0;
const prepare = (sourceId: string, payload: string) =>
  prepareBatch([message(sourceId, payload)], { stream: 's', defaultTimeZone: 'Asia/Ho_Chi_Minh', profiles, assets, newId: () => `id-${n++}` });

describe('prepareBatch: enrichment with agency, system and security level', () => {
  it("gives an agency's source only its own systems", () => {
    expect(prepare('fw-tttt', sshd('10.1.2.3')).events[0]!.event.soc).toEqual({ source_id: 'fw-tttt', transport: 'http', agency_id: 'so-tttt', system_id: 'dvc', security_level: 3 });
    expect(prepare('fw-tttt', sshd('his-web')).events[0]!.event.soc).toEqual({
      source_id: 'fw-tttt', transport: 'http', agency_id: 'so-tttt', system_id: null, security_level: null, flags: ['unknown_asset'],
    });
  });

  it('attributes a province-wide sensor’s events to the agency of the system they concern', () => {
    expect(prepare('fw-datacenter', sshd('his-web')).events[0]!.event.soc).toMatchObject({ agency_id: 'so-yte', system_id: 'his', security_level: 2 });
  });

  it("keeps and flags an unregistered sender's events, with the system but no agency", () => {
    expect(prepare('syslog:198.51.100.7', sshd('10.1.0.9')).events[0]!.event.soc).toEqual({
      source_id: 'syslog:198.51.100.7', transport: 'http', agency_id: null, system_id: 'dvc', security_level: 3, flags: ['unregistered_source'],
    });
  });

  it('dead-letters what it cannot parse, with the source’s agency', () => {
    const { events, deadLetters } = prepare('fw-tttt', '\u0000\u0001');
    expect(events).toEqual([]);
    expect(deadLetters[0]).toMatchObject({ sourceId: 'fw-tttt', agencyId: 'so-tttt', stream: 's' });
  });
});
