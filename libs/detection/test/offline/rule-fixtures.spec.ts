import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturePath, fixtureRecords, runRuleFixtures } from '@soc/detection';

const failedRule = `
title: Failed SSH login
id: 1d7e2f60-0000-4000-8000-000000000001
name: t.ssh.failed
author: Test
tags: [attack.credential_access, attack.t1110]
logsource: { product: linux, service: sshd }
detection:
  selection: { event.action: ssh_login, event.outcome: failure }
  condition: selection
level: low
`;
const burstRule = `
title: Three failed SSH logins
id: 1d7e2f60-0000-4000-8000-000000000002
name: t.ssh.burst
author: Test
tags: [attack.credential_access, attack.t1110.001]
correlation:
  type: event_count
  rules: [t.ssh.failed]
  group-by: [source.ip]
  timespan: 60s
  condition: { gte: 3 }
level: high
`;
const failed = (second: number, ip = '203.0.113.5') => `2026-11-28T02:14:${String(second).padStart(2, '0')}+07:00 web01 sshd[7]: Failed password for root from ${ip} port 4000 ssh2`;

describe('runRuleFixtures', () => {
  let dir: string;
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rule-fixtures-'));
    write('linux/failed.yml', failedRule);
    write('linux/burst.yml', burstRule);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const byRule = () => Object.fromEntries(runRuleFixtures(dir).results.map((r) => [r.rule.ruleId, r]));

  it('passes a positive fixture that raises the rule and a negative one of near-misses', () => {
    write('linux/fixtures/burst.positive.log', [1, 2, 3].map((s) => failed(s)).join('\n'));
    write('linux/fixtures/burst.negative.log', [failed(1), failed(2), failed(3, '203.0.113.6')].join('\n'));
    const { 't.ssh.burst': burst } = byRule();
    expect(burst).toMatchObject({ ok: true, positive: { ok: true, raised: { 't.ssh.burst': 1 } }, negative: { ok: true, records: 3 } });
  });

  it('fails a positive fixture that raises nothing, and a negative one that raises the rule, saying why', () => {
    write('linux/fixtures/burst.positive.log', [failed(1), failed(2)].join('\n'));
    write('linux/fixtures/burst.negative.log', [1, 2, 3].map((s) => failed(s)).join('\n'));
    const { 't.ssh.burst': burst } = byRule();
    expect(burst!.ok).toBe(false);
    expect(burst!.positive).toMatchObject({ ok: false, reason: 'no alert of t.ssh.burst from 2 records' });
    expect(burst!.negative).toMatchObject({ ok: false, reason: expect.stringMatching(/^raised t\.ssh\.burst ×1: event_count: 3 events/) });
  });

  it('tests a rule that only feeds correlations through the correlations it feeds', () => {
    write('linux/fixtures/failed.positive.log', `# feeds t.ssh.burst\n${[1, 2, 3].map((s) => failed(s)).join('\n')}\n`);
    write('linux/fixtures/failed.negative.log', '# nothing\n2026-11-28T02:14:01+07:00 web01 sshd[7]: Accepted password for root from 203.0.113.5 port 4000 ssh2\n');
    const { 't.ssh.failed': rule } = byRule();
    expect(rule).toMatchObject({ ok: true, rule: { provenBy: ['t.ssh.burst'], kind: 'detection' }, positive: { ok: true, records: 3 } });
  });

  it('tests a detection rule that alerts on its own (its correlation has generate: true) by its own alerts', () => {
    write('linux/burst.yml', burstRule.replace('correlation:', 'correlation:\n  generate: true'));
    const { 't.ssh.failed': rule } = byRule();
    expect(rule!.rule.provenBy).toEqual(['t.ssh.failed']);
  });

  it('fails a fixture with a line no parser reads: a near-miss that does not parse proves nothing', () => {
    write('linux/fixtures/burst.negative.log', `${failed(1)}\nnot a log line\n`);
    const { 't.ssh.burst': burst } = byRule();
    expect(burst!.negative).toMatchObject({ ok: false, reason: '1 line(s) not parsed, first burst.negative.log:2: unrecognized format: not a syslog line' });
  });

  it('fails an empty negative fixture', () => {
    write('linux/fixtures/burst.negative.log', '# only a comment\n');
    expect(byRule()['t.ssh.burst']!.negative).toMatchObject({ ok: false, reason: expect.stringContaining('no records') });
  });

  it('lists rules without fixtures, fixtures without rules, and rules that do not load', () => {
    write('linux/fixtures/burst.positive.log', [1, 2, 3].map((s) => failed(s)).join('\n'));
    write('linux/fixtures/renamed.positive.log', failed(1));
    write('web/broken.yml', 'title: Broken\nid: 1d7e2f60-0000-4000-8000-000000000003\nname: t.web.broken\nlogsource: { category: webserver }\ndetection:\n  selection: { url.original|nosuchmodifier: x }\n  condition: selection\n');
    const report = runRuleFixtures(dir);
    expect(report.withoutFixtures).toEqual([
      { ruleId: 't.ssh.burst', origin: 'linux/burst.yml', missing: ['negative'] },
      { ruleId: 't.ssh.failed', origin: 'linux/failed.yml', missing: ['positive', 'negative'] },
      { ruleId: 't.web.broken', origin: 'web/broken.yml', missing: ['positive', 'negative'] },
    ]);
    expect(report.orphanFixtures).toEqual(['linux/fixtures/renamed.positive.log']);
    expect(report.issues).toEqual([expect.objectContaining({ ruleId: 't.web.broken', reason: expect.stringContaining('nosuchmodifier') })]);
    expect(report.results.find((r) => r.rule.ruleId === 't.web.broken')).toMatchObject({ ok: false, rule: { loaded: false }, reason: 'rule did not load (see the issues)' });
  });
});

describe('fixture files', () => {
  it('live beside their rule, under fixtures/', () => {
    expect(fixturePath('linux/ssh_brute_force.yml', 'positive')).toBe('linux/fixtures/ssh_brute_force.positive.log');
    expect(fixturePath('top.yaml', 'negative')).toBe('fixtures/top.negative.log');
  });

  it('keep "# " comments out of the records but keep line numbers, and leave IIS "#Fields:" directives as records', () => {
    expect(fixtureRecords('# comment\nrecord\n#\n#Fields: date time\n')).toEqual(['', 'record', '', '#Fields: date time', '']);
  });
});
