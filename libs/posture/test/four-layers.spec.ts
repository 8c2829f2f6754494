import { judgeFourLayers, type LayerFacts, nextAssessmentDue, REGIMES } from '../src/pure';

const base: LayerFacts = {
  systemId: 'dvc',
  level: 3,
  regime: REGIMES['nd85-2016']!,
  securityUnit: { name: 'Phòng CNTT', contacts: [{ name: 'Nguyễn Văn A', phone: '0912345678' }] },
  monitoring: [{ provider: 'SOC tỉnh', kind: 'own', validFrom: null, validTo: null, systemIds: [] }],
  sources: [{ sourceId: 'fw-1', name: 'FortiGate', lastReceivedAt: '2026-11-30T09:00:00Z', silentSince: null }],
  assessments: [{ assessor: 'Công ty Kiểm định X', assessedOn: '2026-03-01', openFindings: 0 }],
  national: { connected: true, connectedOn: '2025-01-10' },
  connectorConfigured: true,
  lastNationalShareAt: '2026-11-30T08:00:00Z',
  today: '2026-11-30',
  now: new Date('2026-11-30T10:00:00Z'),
};
const statuses = (facts: LayerFacts) => judgeFourLayers(facts).map((l) => l.status);
const layer = (facts: LayerFacts, n: number) => judgeFourLayers(facts)[n - 1]!;

describe('four-layer model', () => {
  it('is all ok when every layer is in place, with the reason stated', () => {
    expect(statuses(base)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(layer(base, 2).reasons[0]).toContain('1 nguồn log đang gửi');
    expect(layer(base, 3).reasons[0]).toContain('lần tới trước 2027-03-01');
  });

  it('layer 1: missing without a unit, warning without a reachable contact', () => {
    expect(layer({ ...base, securityUnit: null }, 1).status).toBe('missing');
    expect(layer({ ...base, securityUnit: { name: 'Phòng CNTT', contacts: [{ name: 'A' }] } }, 1).status).toBe('warning');
  });

  it('layer 2: checked against telemetry — a silent or absent source makes it a warning', () => {
    const silent = layer({ ...base, sources: [{ ...base.sources[0]!, silentSince: '2026-11-30T07:00:00Z' }] }, 2);
    expect(silent).toMatchObject({ status: 'warning' });
    expect(silent.reasons[0]).toContain('FortiGate ngừng gửi');
    expect(layer({ ...base, sources: [] }, 2).status).toBe('warning');
  });

  it('layer 2: missing without a covering, valid service; warning when the contract ends within 30 days', () => {
    expect(layer({ ...base, monitoring: [] }, 2).status).toBe('missing');
    expect(layer({ ...base, monitoring: [{ ...base.monitoring[0]!, systemIds: ['other'] }] }, 2).status).toBe('missing');
    const expired = layer({ ...base, monitoring: [{ ...base.monitoring[0]!, kind: 'contracted', validTo: '2026-10-01' }] }, 2);
    expect(expired.status).toBe('missing');
    expect(expired.reasons[0]).toContain('hết hạn');
    expect(layer({ ...base, monitoring: [{ ...base.monitoring[0]!, validTo: '2026-12-20' }] }, 2).status).toBe('warning');
  });

  it('layer 3: on the legal cadence, independent of the layer-2 provider', () => {
    expect(layer({ ...base, level: 2 }, 3).status).toBe('ok');
    expect(layer({ ...base, assessments: [] }, 3).status).toBe('missing');
    expect(layer({ ...base, assessments: [{ ...base.assessments[0]!, assessedOn: '2025-11-01' }] }, 3).status).toBe('missing');
    expect(layer({ ...base, level: 5, assessments: [{ ...base.assessments[0]!, assessedOn: '2026-05-01' }] }, 3).status).toBe('missing'); // 6-monthly
    const same = layer({ ...base, assessments: [{ ...base.assessments[0]!, assessor: '  soc TỈNH ' }] }, 3);
    expect(same.status).toBe('warning');
    expect(same.reasons[0]).toContain('không độc lập');
    expect(layer({ ...base, assessments: [{ ...base.assessments[0]!, openFindings: 2 }] }, 3).status).toBe('warning');
  });

  it('layer 4: missing when not connected; warning when the connector has not shared within a day', () => {
    expect(layer({ ...base, national: { connected: false, connectedOn: null } }, 4).status).toBe('missing');
    expect(layer({ ...base, lastNationalShareAt: null }, 4).status).toBe('warning');
    expect(layer({ ...base, lastNationalShareAt: '2026-11-28T10:00:00Z' }, 4).status).toBe('warning');
    // Without a connector in use, being connected is all that can be checked.
    expect(layer({ ...base, connectorConfigured: false, lastNationalShareAt: null }, 4)).toMatchObject({ status: 'ok', reasons: [expect.stringContaining('chưa dùng')] });
  });

  it('computes the next assessment date month-end safe', () => {
    expect(nextAssessmentDue('2026-08-31', 6)).toBe('2027-02-28');
    expect(nextAssessmentDue('2026-03-01', 12)).toBe('2027-03-01');
  });
});
