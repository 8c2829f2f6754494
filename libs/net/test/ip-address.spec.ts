import { formatNetwork, NetworkTable, parseIp, parseNetwork } from '@soc/net';

describe('IP addresses and networks', () => {
  it('reads IPv4, IPv6 (compressed, embedded IPv4, zone index) and IPv4-mapped IPv6 as IPv4', () => {
    expect(parseIp('10.0.0.1')).toEqual({ version: 4, value: 0x0a000001n });
    expect(parseIp('::ffff:10.0.0.1')).toEqual({ version: 4, value: 0x0a000001n });
    expect(parseIp('2001:db8::1')).toEqual({ version: 6, value: (0x20010db8n << 96n) | 1n });
    expect(parseIp('64:ff9b::192.0.2.33')).toEqual({ version: 6, value: (0x64ff9bn << 96n) | 0xc0000221n });
    expect(parseIp('fe80::1%eth0')).toEqual({ version: 6, value: (0xfe80n << 112n) | 1n });
    expect(parseIp('::')).toEqual({ version: 6, value: 0n });
  });

  it('rejects what is not an address', () => {
    for (const bad of ['', '10.0.0', '10.0.0.256', 'web01', '1::2::3', '2001:db8::g']) expect(parseIp(bad)).toBeUndefined();
  });

  it('reads networks with host bits cleared, a bare address as a host network, and refuses bad prefixes', () => {
    expect(formatNetwork(parseNetwork('10.20.30.40/16')!)).toBe('10.20.0.0/16');
    expect(formatNetwork(parseNetwork('203.0.113.7')!)).toBe('203.0.113.7/32');
    expect(formatNetwork(parseNetwork('2001:db8:0:0:1::/48')!)).toBe('2001:db8::/48');
    expect(formatNetwork(parseNetwork('2001:db8::5')!)).toBe('2001:db8::5/128');
    expect(formatNetwork(parseNetwork('0.0.0.0/0')!)).toBe('0.0.0.0/0');
    for (const bad of ['10.0.0.0/33', '2001:db8::/129', '10.0.0.0/', '10.0.0.0/8/8', '10.0.0.0/x']) expect(parseNetwork(bad)).toBeUndefined();
  });
});

describe('NetworkTable', () => {
  it('answers the most specific network, per IP version, and nothing for non-addresses', () => {
    const table = new NetworkTable<string>();
    table.set(parseNetwork('10.0.0.0/8')!, 'wide');
    table.set(parseNetwork('10.1.0.0/16')!, 'narrow');
    table.set(parseNetwork('10.1.2.3')!, 'host');
    table.set(parseNetwork('::/0')!, 'any v6');
    expect(['10.9.9.9', '10.1.9.9', '10.1.2.3', '11.0.0.1', '2001:db8::1', '::ffff:10.1.2.3', 'web01'].map((a) => table.lookup(a))).toEqual([
      'wide', 'narrow', 'host', undefined, 'any v6', 'host', undefined,
    ]);
    table.set(parseNetwork('10.1.0.0/16')!, 'replaced');
    expect([table.lookup('10.1.9.9'), table.size]).toEqual(['replaced', 4]);
  });
});
