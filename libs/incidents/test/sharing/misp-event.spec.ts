import { buildMispEvent } from '../../src/sharing';
import { INCIDENT, PRODUCER } from './fixtures';

describe('buildMispEvent', () => {
  const { Event } = buildMispEvent(INCIDENT, PRODUCER, 'amber');

  it('describes the incident in MISP core format fields', () => {
    expect(Event).toMatchObject({
      info: 'SC-000042: SSH brute force — 203.0.113.7',
      date: '2026-11-30',
      threat_level_id: '1',
      analysis: '1',
      distribution: '0',
      published: false,
      Orgc: { name: PRODUCER.name },
      Tag: [{ name: 'tlp:amber' }],
    });
    expect(Event.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Event.timestamp).toBe(String(Date.parse('2026-11-30T10:15:30.123Z') / 1000 | 0));
  });

  it('lists indicators with to_ids and what was attacked without', () => {
    const summary = Event.Attribute.map((a) => `${a.type}|${a.category}|${a.value}|${a.to_ids}`);
    expect(summary.sort()).toEqual(
      [
        'ip-src|Network activity|203.0.113.7|true',
        'ip-src|Network activity|2001:db8::66|true',
        'domain|Network activity|c2.evil.example|true',
        "url|Network activity|http://dl.evil.example/a'b\\c.exe|true",
        'sha256|Payload delivery|275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f|true',
        'target-user|Targeting data|admin|false',
        'hostname|Network activity|his-web01|false',
        'hostname|Network activity|mail.so-a.example.vn|false',
      ].sort(),
    );
    const ip = Event.Attribute.find((a) => a.value === '203.0.113.7')!;
    expect(ip).toMatchObject({ first_seen: '2026-11-30T09:45:00.000Z', last_seen: '2026-11-30T09:59:00.000Z', distribution: '5', comment: expect.stringContaining('4 alert(s) in SC-000042') });
  });

  it('maps priority, state and TLP onto threat level, analysis and distribution', () => {
    expect(buildMispEvent({ ...INCIDENT, priority: 'P4', state: 'new' }, PRODUCER, 'clear').Event).toMatchObject({ threat_level_id: '3', analysis: '0', distribution: '3', Tag: [{ name: 'tlp:clear' }] });
    expect(buildMispEvent({ ...INCIDENT, priority: 'P2', state: 'closed' }, PRODUCER, 'green').Event).toMatchObject({ threat_level_id: '2', analysis: '2', distribution: '1' });
    expect(buildMispEvent(INCIDENT, PRODUCER, 'amber+strict').Event.Tag).toEqual([{ name: 'tlp:amber+strict' }]);
  });

  it('is stable across exports', () => {
    expect(buildMispEvent(INCIDENT, PRODUCER, 'amber')).toEqual({ Event });
  });
});
