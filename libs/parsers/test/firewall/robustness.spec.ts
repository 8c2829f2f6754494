import { FIREWALL_LINE_PARSERS, FIREWALL_MESSAGE_PARSERS } from '../../src/firewall';
import { envelope, logLines, wazuhPassLines, ZONE } from './corpus-lines';
import { parseRaw } from '@soc/parsers';

const SAMPLES = [
  ...logLines('elastic-integrations', 'fortinet_fortigate', 'test-fortinet.log').slice(0, 5),
  ...logLines('elastic-integrations', 'pfsense', 'test-pfsense-bsd.log').slice(0, 3),
  ...logLines('elastic-integrations', 'iptables', 'test-iptables-raw.log').slice(0, 3),
  ...wazuhPassLines('cisco_asa.ini').slice(0, 5),
  ...wazuhPassLines('paloalto.ini').slice(-4),
  ...wazuhPassLines('cisco_ios.ini').slice(0, 3),
];

describe('firewall parsers on damaged input', () => {
  it('never throw on truncated lines or appended noise', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const line of SAMPLES) {
      for (let i = 0; i < 50; i++) {
        const cut = line.slice(0, Math.floor(random() * line.length));
        const noise = Buffer.from(Array.from({ length: Math.floor(random() * 40) }, () => Math.floor(random() * 256))).toString('utf8');
        for (const payload of [cut, cut + noise, noise + cut]) {
          for (const parser of [...FIREWALL_LINE_PARSERS, ...FIREWALL_MESSAGE_PARSERS]) {
            expect(() => parser.matches(payload) && parser.parse(payload, { ...ZONE, receivedAt: new Date(0) })).not.toThrow();
          }
          const outcome = parseRaw(envelope(payload), ZONE);
          if (!outcome.ok) expect(outcome.reason.length).toBeGreaterThan(0);
        }
      }
    }
  });
});
