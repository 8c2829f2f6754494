import { corpusLines, parse, wazuhLines } from '../parser-test-kit';

/** One real line of each format, to cut and garble. */
const SAMPLES = [
  corpusLines('elastic-examples', 'apache_logs')[0]!,
  corpusLines('loghub', 'Apache_2k.log')[0]!,
  wazuhLines('nginx.ini')[1]!,
  wazuhLines('squid_rules.ini')[0]!,
  wazuhLines('owlh.ini')[0]!,
  corpusLines('elastic-integrations', 'suricata', 'test-eve-small.log')[1]!,
  '{"time":"2026-11-30T09:40:01Z","message":"x","source":{"ip":"192.0.2.1"}}',
];

describe('web and IDS parsers on damaged input', () => {
  it('never throw and always answer ok or a reason', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const sample of SAMPLES) {
      for (let i = 0; i < 600; i++) {
        const cut = sample.slice(0, Math.floor(random() * sample.length));
        const at = Math.floor(random() * sample.length);
        const garbled = sample.slice(0, at) + String.fromCharCode(Math.floor(random() * 128)) + sample.slice(at + 1);
        const noise = Buffer.from(Array.from({ length: Math.floor(random() * 40) }, () => Math.floor(random() * 256))).toString('utf8');
        for (const payload of [cut, garbled, cut + noise]) {
          const outcome = parse(payload);
          expect(outcome.ok || outcome.reason.length > 0).toBe(true);
        }
      }
    }
  });

  // Lines built to trigger catastrophic regex backtracking: a vulnerable pattern would hang here
  // (speed itself is measured by the benchmark, not asserted in tests).
  it('answers long adversarial access lines', () => {
    const long = `1.2.3.4 - - [17/May/2015:10:05:03 +0000] "${'GET '.repeat(8000)}" 200`;
    const spaces = `1.2.3.4 ${'- '.repeat(10000)}[17/May/2015:10:05:03 +0000] "GET / HTTP/1.1" 200 1`;
    const quotes = `1.2.3.4 - - [17/May/2015:10:05:03 +0000] "${'" 2 '.repeat(10000)}`;
    for (const line of [long, spaces, quotes]) {
      const outcome = parse(line);
      expect(outcome.ok || outcome.reason.length > 0).toBe(true);
    }
  });
});
