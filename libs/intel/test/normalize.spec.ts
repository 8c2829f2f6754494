import { normalizeIndicator, normalizeUrl, parseIndicatorType, parseValidUntil, refang } from '@soc/intel';

const ok = (value: string, type?: Parameters<typeof normalizeIndicator>[1]) => {
  const result = normalizeIndicator(value, type);
  if (!result.ok) throw new Error(`expected ${value} to normalise: ${result.reason}`);
  return `${result.type} ${result.value}`;
};
const reason = (value: string, type?: Parameters<typeof normalizeIndicator>[1]) => {
  const result = normalizeIndicator(value, type);
  if (result.ok) throw new Error(`expected ${value} to be refused, got ${result.type} ${result.value}`);
  return result.reason;
};

describe('indicator normalisation', () => {
  it('writes addresses and networks canonically, clearing host bits, IPv4-mapped IPv6 as IPv4', () => {
    expect(ok('203.0.113.5')).toBe('ip 203.0.113.5');
    expect(ok(' 203.0.113.5/32 ')).toBe('ip 203.0.113.5');
    expect(ok('198.51.100.77/24')).toBe('ip 198.51.100.0/24');
    expect(ok('2001:DB8:0:0::1')).toBe('ip 2001:db8::1');
    expect(ok('2001:db8::/32', 'ip')).toBe('ip 2001:db8::/32');
    expect(ok('::ffff:203.0.113.9')).toBe('ip 203.0.113.9');
    expect(reason('203.0.113.256', 'ip')).toMatch(/not an IP address/);
    expect(reason('10.0.0.0/33', 'ip')).toMatch(/not an IP address/);
  });

  it('lower-cases domains, drops the trailing dot, keeps IDN as given, refuses what is not a domain', () => {
    expect(ok('Evil.Example.')).toBe('domain evil.example');
    expect(ok('xn--bcher-kva.example')).toBe('domain xn--bcher-kva.example');
    expect(ok('TÊN-MIỀN-độc.vn')).toBe('domain tên-miền-độc.vn');
    expect(ok('_dmarc.evil.example', 'domain')).toBe('domain _dmarc.evil.example');
    expect(reason('*.evil.example', 'domain')).toMatch(/no wildcards/);
    expect(reason('localhost', 'domain')).toMatch(/single-label/);
    expect(reason('203.0.113.5', 'domain')).toMatch(/use type ip/);
    expect(reason('evil.example/path', 'domain')).toMatch(/use type url/);
    expect(reason('1.2.3', 'domain')).toMatch(/numeric top-level/);
    expect(reason('bad..example', 'domain')).toMatch(/not a valid domain/);
  });

  it('normalises URLs: scheme and host lower-case, default port, user info and fragment removed', () => {
    expect(ok('HTTP://Evil.Example:80/Payload.EXE?A=1#frag')).toBe('url http://evil.example/Payload.EXE?A=1');
    expect(ok('https://evil.example:443')).toBe('url https://evil.example/');
    expect(ok('https://evil.example:8443/x')).toBe('url https://evil.example:8443/x');
    expect(ok('http://user:pw@evil.example./a')).toBe('url http://evil.example/a');
    expect(ok('http://[2001:DB8::1]:80/a')).toBe('url http://[2001:db8::1]/a');
    expect(ok('http://evil.example?q=1')).toBe('url http://evil.example/?q=1');
    // Idempotent: the index normalises stored values again.
    expect(normalizeUrl('http://evil.example/Payload.EXE?A=1')).toBe('http://evil.example/Payload.EXE?A=1');
    expect(reason('evil.example/path', 'url')).toMatch(/not an absolute URL/);
    expect(reason('http://evil.example:99999/', 'url')).toMatch(/not an absolute URL/);
    expect(reason('http://evil.example/a b', 'url')).toMatch(/white space/);
  });

  it('types hashes by length and lower-cases them', () => {
    expect(ok('D41D8CD98F00B204E9800998ECF8427E')).toBe('md5 d41d8cd98f00b204e9800998ecf8427e');
    expect(ok('da39a3ee5e6b4b0d3255bfef95601890afd80709', 'hash')).toBe('sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(ok('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'sha256')).toBe('sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(reason('da39a3ee5e6b4b0d3255bfef95601890afd80709', 'md5')).toMatch(/40 hex digits: a sha1, not a md5/);
    expect(reason('abc123', 'hash')).toMatch(/32, 40 or 64 hex digits/);
    expect(reason('z41d8cd98f00b204e9800998ecf8427e', 'md5')).toMatch(/not an MD5/);
  });

  it('infers the type of an untyped value, and says why when it cannot', () => {
    expect(ok('https://a.example/x')).toMatch(/^url /);
    expect(ok('10.0.0.0/8')).toMatch(/^ip /);
    expect(ok('a.example')).toMatch(/^domain /);
    expect(reason('not an indicator')).toMatch(/white space/);
    expect(reason('nothing')).toMatch(/cannot tell the type/);
    expect(reason('')).toBe('empty value');
  });

  it('refangs defanged indicators', () => {
    expect(refang('hxxps://evil[.]example/a')).toBe('https://evil.example/a');
    expect(refang('203.0.113[.]5')).toBe('203.0.113.5');
    expect(refang('evil(.)example')).toBe('evil.example');
    expect(ok('hxxp[://]evil[dot]example/x')).toBe('url http://evil.example/x');
  });

  it('reads type names and their aliases case-insensitively', () => {
    expect(['IPv4', 'ip-dst', 'CIDR', 'domain-name', 'FQDN', 'URI', 'SHA-256', 'sha1', 'Hash'].map((name) => parseIndicatorType(name))).toEqual(['ip', 'ip', 'ip', 'domain', 'domain', 'url', 'sha256', 'sha1', 'hash']);
    expect(parseIndicatorType('email')).toBeUndefined();
  });

  it('reads expiry times: with zone, without (Vietnam time), and dates (through the end of the day)', () => {
    expect(parseValidUntil('2026-01-31T12:00:00Z')?.toISOString()).toBe('2026-01-31T12:00:00.000Z');
    expect(parseValidUntil('2026-01-31T12:00:00.5+02:00')?.toISOString()).toBe('2026-01-31T10:00:00.500Z');
    expect(parseValidUntil('2026-01-31 12:00')?.toISOString()).toBe('2026-01-31T05:00:00.000Z');
    expect(parseValidUntil('2026-01-31')?.toISOString()).toBe('2026-01-31T17:00:00.000Z');
    expect(parseValidUntil('2026-01-31', 0)?.toISOString()).toBe('2026-02-01T00:00:00.000Z');
    for (const bad of ['2026-02-30', '31/01/2026', 'tomorrow', '2026-01-31T25:00:00Z', '']) expect(parseValidUntil(bad)).toBeUndefined();
  });
});
