import { AssetEntry, AssetIndex } from '@soc/inventory';
import { parseNetwork } from '@soc/net';
import type { SecurityEvent } from '@soc/parsers';

const ref = (systemId: string, agencyId: string, securityLevel: number | null) => ({ systemId, agencyId, securityLevel });
const net = (system: ReturnType<typeof ref>, cidr: string): AssetEntry => ({ ...system, kind: 'network', network: parseNetwork(cidr)! });
const host = (system: ReturnType<typeof ref>, hostname: string): AssetEntry => ({ ...system, kind: 'hostname', hostname });

const portal = ref('dvc', 'so-tttt', 3);
const portalDb = ref('dvc-db', 'so-tttt', 4);
const mail = ref('mail', 'so-tttt', 2);
const hospital = ref('his', 'so-yte', null);
const index = new AssetIndex([
  net(portal, '10.1.0.0/16'),
  net(portalDb, '10.1.5.0/24'),
  net(portalDb, '10.1.5.9'),
  host(mail, 'mail'),
  host(portal, 'dichvucong.tayninh.gov.vn'),
  net(hospital, '10.9.0.0/16'),
  net(hospital, '2001:db8:9::/48'),
]);

const event = (parts: Partial<SecurityEvent>): SecurityEvent =>
  ({ '@timestamp': '2026-11-30T00:00:00Z', event: { original: 'x' }, soc: { source_id: 's', transport: 'http' }, ...parts }) as SecurityEvent;

describe('AssetIndex: which system an event concerns', () => {
  it('takes the longest matching network', () => {
    expect(index.systemOf(event({ destination: { ip: '10.1.5.9' } }), null)).toEqual(portalDb);
    expect(index.systemOf(event({ destination: { ip: '10.1.5.10' } }), null)).toEqual(portalDb);
    expect(index.systemOf(event({ destination: { ip: '10.1.6.10' } }), null)).toEqual(portal);
    expect(index.systemOf(event({ destination: { ip: '10.2.0.1' } }), null)).toBeUndefined();
    expect(index.systemOf(event({ destination: { ip: '2001:db8:9:1::5' } }), null)).toEqual(hospital);
  });

  it('prefers the logging host, then the target, then the initiator', () => {
    const everything = { host: { name: 'mail.sotttt.local' }, destination: { ip: '10.1.0.1' }, source: { ip: '10.9.0.1' } };
    expect(index.systemOf(event(everything), null)).toEqual(mail);
    expect(index.systemOf(event({ destination: everything.destination, source: everything.source }), null)).toEqual(portal);
    expect(index.systemOf(event({ source: { ip: '10.9.0.1' }, destination: { ip: '8.8.8.8' } }), null)).toEqual(hospital);
    expect(index.systemOf(event({ host: { name: '10.9.3.3' } }), null)).toEqual(hospital);
    expect(index.systemOf(event({ url: { domain: 'DichVuCong.TayNinh.gov.vn' } }), null)).toEqual(portal);
  });

  it("matches a short host name to the inventory's name but not a domain's first label", () => {
    expect(index.systemOf(event({ host: { name: 'MAIL' } }), null)).toEqual(mail);
    expect(index.systemOf(event({ url: { domain: 'mail.example.com' } }), null)).toBeUndefined();
  });

  it("confines a source of one agency to that agency's systems", () => {
    const toHospital = event({ destination: { ip: '10.9.0.1' } });
    expect(index.systemOf(toHospital, 'so-yte')).toEqual(hospital);
    expect(index.systemOf(toHospital, 'so-tttt')).toBeUndefined();
    expect(index.systemOf(toHospital, 'no-assets')).toBeUndefined();
  });
});
