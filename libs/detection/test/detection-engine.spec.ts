import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DetectionContent, DetectionEngine, DEFAULT_DETECTION_OPTIONS, emptyDetectionState, StoredEvent } from '@soc/detection';
import { parseRaw } from '@soc/parsers';

const RULES = join(__dirname, '..', '..', '..', 'rules', 'linux');
const content = DetectionContent.compile(['ssh_failed_login.yml', 'ssh_brute_force.yml'].map((f) => ({ origin: f, text: readFileSync(join(RULES, f), 'utf8') })));
const now = new Date('2026-11-30T12:00:00Z');
let n = 0;
const sshd = (second: number, ip: string, agency: string | null = 'so-a'): StoredEvent => {
  const outcome = parseRaw(
    { sourceId: 's', receivedAt: now, transport: 'http', payload: `2026-11-30T09:40:${String(second).padStart(2, '0')}Z web01 sshd[1]: Failed password for root from ${ip} port 22 ssh2` },
    { timeZone: 'UTC' },
  );
  if (!outcome.ok) throw new Error(outcome.reason);
  outcome.event.soc.agency_id = agency;
  return { id: `e${++n}`, event: outcome.event };
};

describe('DetectionEngine', () => {
  it('loads the bundled SSH rules with no issue', () => {
    expect(content.issues).toEqual([]);
    expect(content.info('soc.ssh.brute_force')).toMatchObject({ kind: 'correlation', severity: 'high', author: 'SOC tỉnh (provincial SOC)' });
  });

  it('raises the brute-force correlation once the fifth failure is final, and not the failed logins alone', () => {
    const engine = new DetectionEngine(content, { ...DEFAULT_DETECTION_OPTIONS, latenessMs: 0 });
    const state = emptyDetectionState();
    expect(engine.evaluate([0, 1, 2, 3].map((s) => sshd(s, '203.0.113.5')), state, 'x', { now }).findings).toEqual([]);
    const { findings } = engine.evaluate([sshd(4, '203.0.113.5')], state, 'x', { now });
    expect(findings).toEqual([
      expect.objectContaining({ change: 'created', ruleId: 'soc.ssh.brute_force', kind: 'correlation', eventCount: 5, entities: expect.objectContaining({ sourceIp: '203.0.113.5', agencyId: 'so-a' }) }),
    ]);
  });
});

describe('DetectionContent: rule ids', () => {
  it('refuses a second rule under an id already loaded, naming where the first came from', () => {
    const text = readFileSync(join(RULES, 'ssh_failed_login.yml'), 'utf8');
    const twice = DetectionContent.compile([
      { origin: 'a.yml', text },
      { origin: 'b.yml', text: text.replace('ff814084-02d2-480f-b402-2385b5eb09e2', '0b7f6a3e-1111-4c2d-9e8f-aaaaaaaaaaaa') },
    ]);
    expect(twice.issues).toEqual([expect.objectContaining({ origin: 'b.yml', ruleId: 'soc.ssh.failed_login', reason: expect.stringContaining('first loaded from a.yml') })]);
    expect(twice.ruleSet.rules).toHaveLength(1);
  });
});
