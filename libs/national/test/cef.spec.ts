import { parseRaw } from '@soc/parsers';
import { escapeCefHeader, escapeCefValue, toCef } from '../src/channels';
import { toNationalMessage } from '../src/payload';
import { alertMessage, incidentMessage, storedIncident } from './fixtures';

describe('CEF escaping', () => {
  it('escapes backslash and pipe in header fields and flattens line breaks', () => {
    expect(escapeCefHeader('a|b\\c')).toBe('a\\|b\\\\c');
    expect(escapeCefHeader('line1\r\nline2\nline3')).toBe('line1 line2 line3');
    expect(escapeCefHeader('x=y')).toBe('x=y');
  });

  it('escapes backslash and equals in extension values and writes line breaks as \\n \\r', () => {
    expect(escapeCefValue('a=b\\c')).toBe('a\\=b\\\\c');
    expect(escapeCefValue('one\ntwo\rthree')).toBe('one\\ntwo\\rthree');
    // A pipe needs no escape in the extension.
    expect(escapeCefValue('a|b')).toBe('a|b');
  });
});

describe('CEF formatting', () => {
  const alert = toNationalMessage(alertMessage, new Map());
  const incident = toNationalMessage(incidentMessage, new Map([[storedIncident.id, 2]]));

  it('writes an alert with the rule as signature, the title as name and severity on 0-10', () => {
    const line = toCef(alert, { vendor: 'soc-hue' });
    expect(line.startsWith('CEF:0|soc-hue|SOC|1.0|soc.ssh.brute_force|SSH brute force \\| many failures = attack|8|')).toBe(true);
    expect(line).toContain('cat=alert.created');
    expect(line).toContain('cn1Label=seq cn1=41');
    expect(line).toContain('src=203.0.113.10');
    expect(line).toContain(`start=${Date.parse('2026-11-30T09:45:00.000Z')}`);
    expect(line).toContain('cnt=8');
    expect(line).toContain('cs1Label=agency cs1=so-a');
    expect(line).not.toContain('\n');
  });

  it('writes an incident with its type as signature and its reference as externalId', () => {
    const line = toCef(incident, { vendor: 'soc-hue' });
    expect(line.startsWith('CEF:0|soc-hue|SOC|1.0|incident.created|Dò mật khẩu SSH vào Phần mềm bệnh viện|8|')).toBe(true);
    expect(line).toContain('externalId=SC-000042');
    expect(line).toContain('cs4Label=state cs4=new');
    expect(line).toContain('cn3Label=alertCount cn3=3');
    expect(line).toContain('flexNumber1Label=observableCount flexNumber1=2');
  });

  it('leaves out absent values together with their labels', () => {
    const line = toCef(toNationalMessage({ ...incidentMessage, data: { ...storedIncident, agencyId: null, securityLevel: null } }, new Map()), { vendor: 'v' });
    expect(line).not.toContain('cs1Label');
    expect(line).not.toContain('cn2Label');
  });

  it('reads back through our own CEF parser unchanged (escaping round-trips)', () => {
    const tricky = toNationalMessage({ ...alertMessage, data: { ...(alertMessage.data as object), title: 'a|b\\c=d', agencyId: 'x=y\\z' } }, new Map());
    const outcome = parseRaw({ sourceId: 's', receivedAt: new Date('2026-11-30T10:00:00Z'), transport: 'http', payload: toCef(tricky, { vendor: 'soc|hue' }) }, { timeZone: 'Asia/Ho_Chi_Minh' });
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.event.observer).toMatchObject({ vendor: 'soc|hue', product: 'SOC' });
    expect(outcome.event.rule?.name).toBe('a|b\\c=d');
    expect(JSON.stringify(outcome.event.vendor)).toContain(JSON.stringify('x=y\\z'));
    expect(outcome.event.source?.ip).toBe('203.0.113.10');
  });
});
