import { importManual } from '@soc/intel';

describe('manual indicators', () => {
  it('normalises each, typed or inferred, and rejects unusable ones by position', () => {
    const result = importManual([
      { value: 'Evil.Example', severity: 'critical', description: '  phishing  ' },
      { type: 'ip', value: 'evil.example' },
      { type: 'hash', value: '44D88612FEA8A8F36DE82E1278ABB02F', validUntil: '2026-05-01' },
      { value: '203.0.113.5', validUntil: 'later' },
      { type: 'url', value: `http://a.example/${'x'.repeat(3000)}` },
    ]);
    expect(result.indicators).toEqual([
      { type: 'domain', value: 'evil.example', severity: 'critical', description: 'phishing', where: 'indicators[0]' },
      { type: 'md5', value: '44d88612fea8a8f36de82e1278abb02f', validUntil: new Date('2026-05-01T17:00:00Z'), where: 'indicators[2]' },
    ]);
    expect(result.rejected).toEqual([
      { where: 'indicators[1]', reason: "'evil.example' is not an IP address or CIDR network" },
      { where: 'indicators[3]', reason: "validUntil 'later' is not a date (YYYY-MM-DD) or ISO 8601 time" },
      { where: 'indicators[4]', reason: 'value longer than 2048 bytes' },
    ]);
  });

  it('cuts over-long descriptions instead of dropping the indicator', () => {
    const [one] = importManual([{ value: 'a.example', description: 'd'.repeat(5000) }]).indicators;
    expect(one!.description).toHaveLength(1000);
    expect(one!.description!.endsWith('…')).toBe(true);
  });
});
