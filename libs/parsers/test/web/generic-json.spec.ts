import { parse, parsed } from '../parser-test-kit';

describe('generic JSON', () => {
  it('takes the time, the message and only well-typed ECS fields, and keeps the whole record', () => {
    const line =
      '{"@timestamp":"2026-11-30T16:40:01+07:00","message":"login failed","source":{"ip":"203.0.113.5","port":"x"},"user.name":"bob","event":{"outcome":"failure","category":"authentication","kind":"metric"},"host":{"ip":["10.0.0.1","nope"]},"extra":{"n":1}}';
    const event = parsed(line);
    expect(event['@timestamp']).toBe('2026-11-30T09:40:01.000Z');
    expect(event.message).toBe('login failed');
    expect(event.event).toMatchObject({ kind: 'event', category: ['authentication'], outcome: 'failure', dataset: 'json', module: 'json', original: line });
    // A port that is not a number and an address that does not parse are left out.
    expect(event.source).toEqual({ ip: '203.0.113.5' });
    expect(event.user).toEqual({ name: 'bob' });
    expect(event.host).toEqual({ ip: ['10.0.0.1'] });
    expect(event.vendor?.json).toEqual(JSON.parse(line));
  });

  it.each([
    ['{"time":1700000000123,"msg":"hi","level":"info"}', '2023-11-14T22:13:20.123Z'],
    ['{"ts":1700000000.5}', '2023-11-14T22:13:20.500Z'],
    // No zone: read in the source's zone (UTC+7).
    ['{"date":"2026-11-30 16:40:01"}', '2026-11-30T09:40:01.000Z'],
    ['{"eventTime":"2026-11-30T09:40:01.123456Z"}', '2026-11-30T09:40:01.123Z'],
    // Not a time: the receipt time is used.
    ['{"timestamp":"yesterday","date":20261130}', '2026-11-30T09:00:00.000Z'],
  ])('reads the time of %s', (line, timestamp) => {
    expect(parsed(line)['@timestamp']).toBe(timestamp);
  });

  it('copies an ECS alert kind and a log level', () => {
    const event = parsed('{"event":{"kind":"alert","severity":3,"action":"x"},"log":{"level":"warning"},"destination.port":443}');
    expect(event.event).toMatchObject({ kind: 'alert', severity: 3, action: 'x' });
    expect(event.log).toEqual({ level: 'warning' });
    expect(event.destination).toEqual({ port: 443 });
  });

  it('rejects a line that opens an object but is not JSON', () => {
    const outcome = parse('{"a": 1');
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reason).toMatch(/^json: invalid JSON: /);
  });

  it.each(['[1,2]', '"text"', '42'])('does not claim the non-object %s', (line) => {
    expect(parse(line)).toEqual({ ok: false, reason: 'unrecognized format: not a syslog line' });
  });
});
