import { readFileSync } from 'node:fs';
import { parseRaw } from '@soc/parsers';
import { corpusPath } from '../../../../test/support/corpus';

interface ArcSightEvent {
  event: { original: string };
  cef: { version: string; name: string; severity: string; device: Record<string, string>; extensions: Record<string, unknown> };
}

/** elastic/integrations cef test-arcsight.json: raw CEF with the Elastic Agent's decoding of it, compared field by field. */
describe('CEF decoding against the Elastic Agent (test-arcsight.json)', () => {
  const { events } = JSON.parse(readFileSync(corpusPath('elastic-integrations', 'cef', 'test-arcsight.json'), 'utf8')) as { events: ArcSightEvent[] };
  const decoded = events.map((e) => {
    const outcome = parseRaw({ sourceId: 's', receivedAt: new Date('2014-09-15T00:00:00Z'), transport: 'http', payload: e.event.original }, { timeZone: 'UTC' });
    if (!outcome.ok) throw new Error(outcome.reason);
    return outcome.event.vendor?.cef as ArcSightEvent['cef'] | undefined;
  });

  it('has the 4 events', () => expect(events).toHaveLength(4));

  it('decodes every header field and every extension exactly as the agent did', () => {
    const mismatches: string[] = [];
    let compared = 0;
    events.forEach((expected, i) => {
      const got = decoded[i];
      const pairs: [string, unknown, unknown][] = [
        ['version', expected.cef.version, got?.version],
        ['name', expected.cef.name, got?.name],
        ['severity', expected.cef.severity, got?.severity],
        ...Object.entries(expected.cef.device).map(([k, v]): [string, unknown, unknown] => [`device.${k}`, v, got?.device[k]]),
        ...Object.entries(expected.cef.extensions).map(([k, v]): [string, unknown, unknown] => [`extensions.${k}`, v, got?.extensions[k]]),
      ];
      for (const [path, want, have] of pairs) {
        compared++;
        if (JSON.stringify(want) !== JSON.stringify(have)) mismatches.push(`${i}:${path} expected ${JSON.stringify(want)} got ${JSON.stringify(have)}`);
      }
      const extra = Object.keys(got?.extensions ?? {}).filter((k) => !(k in expected.cef.extensions));
      if (extra.length > 0) mismatches.push(`${i}: extra extensions ${extra.join(',')}`);
    });
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(120);
  });
});
