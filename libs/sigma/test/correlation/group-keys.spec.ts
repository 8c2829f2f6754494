import { GroupKeys } from '../../src/correlation/group-keys';

const source = (fields: Record<string, string | number | undefined>) => ({ field: (name: string) => fields[name] });

describe('GroupKeys', () => {
  it('gives the JSON of the group-by values in field order, for new tuples and for ones seen before', () => {
    const keys = new GroupKeys(['soc.agency_id', 'source.ip'], 100);
    const first = keys.keyOf(source({ 'source.ip': '203.0.113.5', 'soc.agency_id': 'sonv' }));
    expect(first).toBe(JSON.stringify(['sonv', '203.0.113.5']));
    expect(keys.keyOf(source({ 'source.ip': '203.0.113.5', 'soc.agency_id': 'sonv' }))).toBe(first);
    expect(keys.keyOf(source({ 'source.ip': '203.0.113.6', 'soc.agency_id': 'sonv' }))).toBe(JSON.stringify(['sonv', '203.0.113.6']));
    expect(keys.keyOf(source({ 'source.ip': '203.0.113.5', 'soc.agency_id': 'ubnd' }))).toBe(JSON.stringify(['ubnd', '203.0.113.5']));
  });

  it('escapes values as JSON and keys a number by its text', () => {
    const keys = new GroupKeys(['user.name', 'destination.port'], 100);
    expect(keys.keyOf(source({ 'user.name': 'a","b', 'destination.port': 22 }))).toBe(JSON.stringify(['a","b', '22']));
    expect(keys.keyOf(source({ 'user.name': 'a', 'destination.port': '22' }))).toBe(JSON.stringify(['a', '22']));
    expect(keys.keyOf(source({ 'user.name': 'a', 'destination.port': 22 }))).toBe(JSON.stringify(['a', '22']));
  });

  it('gives no key when a value is missing or empty, and one group for a rule without group-by fields', () => {
    const keys = new GroupKeys(['source.ip', 'user.name'], 100);
    expect(keys.keyOf(source({ 'source.ip': '203.0.113.5' }))).toBeUndefined();
    expect(keys.keyOf(source({ 'source.ip': '', 'user.name': 'root' }))).toBeUndefined();
    expect(new GroupKeys([], 100).keyOf(source({}))).toBe('[]');
  });

  it('stays bounded: when full it starts afresh and still gives every key right', () => {
    const keys = new GroupKeys(['source.ip'], 3);
    const ips = Array.from({ length: 10 }, (_, i) => `198.51.100.${i}`);
    for (let round = 0; round < 3; round += 1) for (const ip of ips) expect(keys.keyOf(source({ 'source.ip': ip }))).toBe(JSON.stringify([ip]));
    expect((keys as unknown as { size: number }).size).toBeLessThanOrEqual(3);
  });
});
