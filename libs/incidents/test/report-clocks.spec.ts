import { loadConfig } from '@soc/shared';
import { buildReportContent, categoryFromTags, type ClockFacts, REPORTING_REGIMES, reportClocks, reportNumber, vietnameseDateTime } from '../src/pure';

const DETECTED = new Date('2026-11-30T10:00:00.000Z');
const HOUR = 3_600_000;
const at = (hours: number) => new Date(DETECTED.getTime() + hours * HOUR);
const facts = (over: Partial<ClockFacts> = {}): ClockFacts => ({ detectedAt: DETECTED, serious: false, exceedsCapacity: false, nationalSecurity: false, initialSubmissions: [], ...over });
const BOTH = ['tt20-2017', 'nd331-2026'] as const;
const due = (clocks: ReturnType<typeof reportClocks>) => Object.fromEntries(clocks.map((c) => [c.key, c.dueAt.toISOString()]));

describe('report clocks per regime', () => {
  it('gives every incident 5 days under TT 20 and 72 hours under NĐ 331, counted from detection', () => {
    expect(due(reportClocks(BOTH, facts(), at(1)))).toEqual({
      'report:tt20-2017:5d': '2026-12-05T10:00:00.000Z',
      'report:nd331-2026:72h': '2026-12-03T10:00:00.000Z',
    });
  });

  it('adds 24 hours for a serious incident under NĐ 331', () => {
    expect(due(reportClocks(['nd331-2026'], facts({ serious: true }), at(1)))).toEqual({
      'report:nd331-2026:72h': '2026-12-03T10:00:00.000Z',
      'report:nd331-2026:24h': '2026-12-01T10:00:00.000Z',
    });
  });

  it('is due immediately (at detection) when national security is affected, or when the incident exceeds local capacity', () => {
    const security = reportClocks(['nd331-2026'], facts({ nationalSecurity: true }), DETECTED).find((c) => c.rule === 'immediate')!;
    expect(security).toMatchObject({ hours: 0, dueAt: DETECTED, condition: 'nationalSecurity' });
    const emergency = reportClocks(['tt20-2017'], facts({ exceedsCapacity: true }), DETECTED).find((c) => c.rule === 'emergency')!;
    expect(emergency).toMatchObject({ hours: 0, dueAt: DETECTED, recipient: { vi: expect.stringContaining('VNCERT/CC') } });
    expect(reportClocks(BOTH, facts(), DETECTED).map((c) => c.rule)).toEqual(['5d', '72h']);
  });

  it('runs until due, is overdue after, and stops when an initial report answering its regime is sent', () => {
    const status = (now: Date, submissions: ClockFacts['initialSubmissions'] = []) =>
      Object.fromEntries(reportClocks(BOTH, facts({ serious: true, initialSubmissions: submissions }), now).map((c) => [c.key, c.status]));
    expect(status(at(23))).toEqual({ 'report:tt20-2017:5d': 'running', 'report:nd331-2026:72h': 'running', 'report:nd331-2026:24h': 'running' });
    expect(status(at(25))).toEqual({ 'report:tt20-2017:5d': 'running', 'report:nd331-2026:72h': 'running', 'report:nd331-2026:24h': 'overdue' });
    // Sent at 30 h to the NĐ 331 unit only: late for 24 h, in time for 72 h; TT 20 still runs.
    const sent = [{ at: at(30), regimes: ['nd331-2026'] }];
    expect(status(at(200), sent)).toEqual({ 'report:tt20-2017:5d': 'overdue', 'report:nd331-2026:72h': 'met', 'report:nd331-2026:24h': 'overdue' });
    const clock = reportClocks(BOTH, facts({ initialSubmissions: sent }), at(200)).find((c) => c.key === 'report:nd331-2026:72h')!;
    expect(clock.submittedAt).toEqual(at(30));
  });

  it('keeps each rule as data with its source and certainty', () => {
    for (const regime of Object.values(REPORTING_REGIMES)) {
      for (const rule of regime.rules) {
        expect(rule.label.vi && rule.label.en && rule.recipient.vi && rule.source).toBeTruthy();
        expect(['V', 'G', 'U']).toContain(rule.certainty);
      }
    }
    expect(REPORTING_REGIMES['tt20-2017'].rules[0]).toMatchObject({ hours: 120, condition: 'always', certainty: 'V' });
  });

  it('shows the configured regimes (SOC_REPORTING_REGIMES), both by default, and refuses unknown ones', () => {
    expect(loadConfig({}).reporting.regimes).toEqual(['tt20-2017', 'nd331-2026']);
    expect(loadConfig({ SOC_REPORTING_REGIMES: 'nd331-2026' }).reporting.regimes).toEqual(['nd331-2026']);
    expect(() => loadConfig({ SOC_REPORTING_REGIMES: 'nd85-2016' })).toThrow(/SOC_REPORTING_REGIMES/);
    expect(loadConfig({ SOC_REPORT_CONTACT: 'Nguyễn Văn A|Trưởng phòng|0912345678|a@tinh.gov.vn' }).reporting.contact).toEqual({
      name: 'Nguyễn Văn A',
      position: 'Trưởng phòng',
      phone: '0912345678',
      email: 'a@tinh.gov.vn',
    });
    expect(() => loadConfig({ SOC_REPORT_CONTACT: 'only|two' })).not.toThrow();
    expect(() => loadConfig({ SOC_REPORT_CONTACT: '|x|y|z' })).toThrow(/SOC_REPORT_CONTACT/);
  });
});

describe('incident category (national taxonomy)', () => {
  it('maps ATT&CK techniques onto phishing, defacement, malware, other', () => {
    expect(categoryFromTags(['attack.initial_access', 'attack.t1566.001'])).toBe('phishing');
    expect(categoryFromTags(['attack.t1491.002'])).toBe('defacement');
    expect(categoryFromTags(['attack.execution', 'attack.t1059.001'])).toBe('malware');
    expect(categoryFromTags(['attack.t1204'])).toBe('malware');
    expect(categoryFromTags(['malware.emotet'])).toBe('malware');
    expect(categoryFromTags(['attack.credential_access', 'attack.t1110.001'])).toBe('other');
    expect(categoryFromTags([])).toBe('other');
  });
});

describe('report content', () => {
  it('numbers reports per kind and version, and writes times the Vietnamese way in the province zone', () => {
    expect(reportNumber('SC-000042', 'initial', 1)).toBe('SC-000042/BĐ-1');
    expect(reportNumber('SC-000042', 'closing', 3)).toBe('SC-000042/KT-3');
    expect(vietnameseDateTime(DETECTED, 'Asia/Ho_Chi_Minh')).toBe('17:00 ngày 30/11/2026');
  });

  it('fills the initial-report fields from the incident, with defaults for the editable ones', () => {
    const report = buildReportContent({
      kind: 'initial',
      version: 1,
      date: at(2),
      timeZone: 'Asia/Ho_Chi_Minh',
      organization: { authority: 'Công an tỉnh', province: 'Tỉnh Thử Nghiệm' },
      incident: { id: 'x', ref: 'SC-000007', title: 'Dò mật khẩu SSH', state: 'new', resolution: null, category: 'other', serious: false, securityLevel: 4, detectedAt: DETECTED, resolvedAt: null },
      systems: [{ id: 'his', name: 'Phần mềm bệnh viện', securityLevel: 4, operator: 'Bệnh viện tỉnh', owner: 'Sở Y tế', systemType: 'public_service' }],
      providers: ['Trung tâm Giám sát tỉnh'],
      explanations: ['6 failed logins from 203.0.113.5'],
      ips: ['203.0.113.5'],
      domains: [],
      timeline: [],
      edits: {},
    });
    expect(report).toMatchObject({
      number: 'SC-000007/BĐ-1',
      operator: 'Bệnh viện tỉnh',
      owner: 'Sở Y tế',
      systemNames: 'Phần mềm bệnh viện',
      securityLevel: 4,
      provider: 'Trung tâm Giám sát tỉnh',
      detectedAtText: '17:00 ngày 30/11/2026',
      osVersions: '',
      purpose: expect.stringContaining('dịch vụ công'),
      confidential: true,
      ipAddresses: ['203.0.113.5'],
      description: 'Dò mật khẩu SSH\n6 failed logins from 203.0.113.5',
    });
    expect(report.outcome).toBeUndefined();
  });
});
