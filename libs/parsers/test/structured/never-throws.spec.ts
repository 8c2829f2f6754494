import { parseRaw } from '@soc/parsers';

/** CEF, LEEF and RFC 5424 inputs cut short or followed by random bytes must give an outcome, never an exception. */
describe('structured and RFC 5424 parsers never throw', () => {
  const samples = [
    'CEF:0|Acme|FW|2|100|Blocked \\| twice|Very-High|src=10.0.0.1 msg=a\\=b c\\\\d rt=Sep 09 2017 00:31:23 UTC dtz=Europe/Prague cn1=5 spt=70000',
    '<134>Nov 30 16:40:01 fw ASM:CEF:0|F5|ASM|1|x|y|5|cs1=a cs1Label=b deviceCustomDate1=May 03 2021 16:57:44',
    'LEEF:2.0|V|P|1|e|x7C|src=10.0.0.1|devTime=2019-05-09 22:03:58.692|devTimeFormat=yyyy-MM-dd HH:mm:ss.SSS',
    '<4>1 2019-11-21T13:44:36Z host app 1 id [a@1 k="v\\"q"][b@2 x="\\]"] \uFEFFLEEF:1.0|V|P|1|e|sev=3\tusrName=x',
  ];

  it('on truncations and random suffixes', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (const sample of samples) {
      for (let i = 0; i < 1500; i++) {
        const cut = sample.slice(0, Math.floor(random() * (sample.length + 1)));
        const noise = Buffer.from(Array.from({ length: Math.floor(random() * 40) }, () => Math.floor(random() * 256))).toString('utf8');
        for (const payload of [cut, cut + noise, cut + '|=\\ [ ] " ' + noise]) {
          const outcome = parseRaw({ sourceId: 's', receivedAt: new Date('2026-11-30T09:00:00Z'), transport: 'syslog', payload }, { timeZone: 'UTC' });
          expect(typeof outcome.ok).toBe('boolean');
          if (!outcome.ok) expect(outcome.reason).not.toMatch(/parser error/);
        }
      }
    }
  });
});
