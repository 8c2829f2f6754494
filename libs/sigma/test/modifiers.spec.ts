import { detect, matches, reasonsFor } from './sigma-test-kit';

describe('value modifiers', () => {
  it('contains, startswith and endswith place the value inside, at the start, at the end', () => {
    const contains = detect({ selection: { 'CommandLine|contains': 'mimikatz' }, condition: 'selection' });
    expect(matches(contains, { CommandLine: 'run Mimikatz.exe now' })).toBe(true);
    expect(matches(contains, { CommandLine: 'run mimi katz' })).toBe(false);

    const startswith = detect({ selection: { 'Image|startswith': 'C:\\Windows\\' }, condition: 'selection' });
    expect(matches(startswith, { Image: 'c:\\windows\\system32\\cmd.exe' })).toBe(true);
    expect(matches(startswith, { Image: 'D:\\C:\\Windows\\cmd.exe' })).toBe(false);

    const endswith = detect({ selection: { 'Image|endswith': '\\cmd.exe' }, condition: 'selection' });
    expect(matches(endswith, { Image: 'C:\\Windows\\System32\\CMD.EXE' })).toBe(true);
    expect(matches(endswith, { Image: 'C:\\Windows\\System32\\cmd.exe.bak' })).toBe(false);
  });

  it('a plain value is an exact, case-insensitive equality', () => {
    const rule = detect({ selection: { User: 'NT AUTHORITY\\SYSTEM' }, condition: 'selection' });
    expect(matches(rule, { User: 'nt authority\\system' })).toBe(true);
    expect(matches(rule, { User: 'NT AUTHORITY\\SYSTEM2' })).toBe(false);
  });

  it('cased compares in the rule case', () => {
    const rule = detect({ selection: { 'Payload|cased|contains': 'AbC' }, condition: 'selection' });
    expect(matches(rule, { Payload: 'xxAbCxx' })).toBe(true);
    expect(matches(rule, { Payload: 'xxabcxx' })).toBe(false);
  });

  it('a list is OR; all makes it AND', () => {
    const any = detect({ selection: { 'CommandLine|contains': ['-enc', '-nop'] }, condition: 'selection' });
    expect(matches(any, { CommandLine: 'powershell -nop' })).toBe(true);
    expect(matches(any, { CommandLine: 'powershell -w hidden' })).toBe(false);

    const all = detect({ selection: { 'CommandLine|contains|all': ['-enc', '-nop'] }, condition: 'selection' });
    expect(matches(all, { CommandLine: 'powershell -nop -enc AAA' })).toBe(true);
    expect(matches(all, { CommandLine: 'powershell -nop' })).toBe(false);
  });

  it('many contains values (one automaton pass) behave like one includes per value', () => {
    const values = Array.from({ length: 40 }, (_, i) => `needle${i}x`);
    const rule = detect({ selection: { 'CommandLine|contains': values }, condition: 'selection' });
    expect(matches(rule, { CommandLine: 'hay NEEDLE37X hay' })).toBe(true);
    expect(matches(rule, { CommandLine: 'hay needle40x needle3 hay' })).toBe(false);
  });

  it('the fields of a map are ANDed', () => {
    const rule = detect({ selection: { Image: 'a.exe', 'CommandLine|contains': 'x' }, condition: 'selection' });
    expect(matches(rule, { Image: 'a.exe', CommandLine: 'x' })).toBe(true);
    expect(matches(rule, { Image: 'a.exe', CommandLine: 'y' })).toBe(false);
    expect(matches(rule, { Image: 'b.exe', CommandLine: 'x' })).toBe(false);
  });

  it('re matches case-sensitively anywhere, with the i, m and s flags', () => {
    const plain = detect({ selection: { 'CommandLine|re': '\\s-e(nc)?\\s' }, condition: 'selection' });
    expect(matches(plain, { CommandLine: 'powershell -enc AAA' })).toBe(true);
    expect(matches(plain, { CommandLine: 'powershell -ENC AAA' })).toBe(false);

    const insensitive = detect({ selection: { 'CommandLine|re|i': '\\s-e(nc)?\\s' }, condition: 'selection' });
    expect(matches(insensitive, { CommandLine: 'powershell -ENC AAA' })).toBe(true);

    const multiline = detect({ selection: { 'Script|re|m': '^Invoke-Evil$' }, condition: 'selection' });
    expect(matches(multiline, { Script: 'line one\nInvoke-Evil\nline three' })).toBe(true);
    expect(matches(detect({ selection: { 'Script|re': '^Invoke-Evil$' }, condition: 'selection' }), { Script: 'line one\nInvoke-Evil\nline three' })).toBe(false);

    const dotAll = detect({ selection: { 'Script|re|s': 'begin.+end' }, condition: 'selection' });
    expect(matches(dotAll, { Script: 'begin\nend' })).toBe(true);
    expect(matches(detect({ selection: { 'Script|re': 'begin.+end' }, condition: 'selection' }), { Script: 'begin\nend' })).toBe(false);
  });

  it("re accepts PCRE's leading inline flags", () => {
    const rule = detect({ selection: { 'Path|re': '(?i)\\\\temp\\\\[a-z]+\\.dll' }, condition: 'selection' });
    expect(matches(rule, { Path: 'C:\\TEMP\\Evil.DLL' })).toBe(true);
    expect(matches(rule, { Path: 'C:\\TEMP\\1.DLL' })).toBe(false);
  });

  it('cidr matches IPv4 and IPv6 ranges', () => {
    const rule = detect({ selection: { 'DestinationIp|cidr': ['10.0.0.0/8', '192.168.1.0/24', 'fe80::/10'] }, condition: 'selection' });
    expect(matches(rule, { DestinationIp: '10.200.3.4' })).toBe(true);
    expect(matches(rule, { DestinationIp: '192.168.1.77' })).toBe(true);
    expect(matches(rule, { DestinationIp: 'FE80::1' })).toBe(true);
    expect(matches(rule, { DestinationIp: '::ffff:10.0.0.9' })).toBe(true);
    expect(matches(rule, { DestinationIp: '192.168.2.1' })).toBe(false);
    expect(matches(rule, { DestinationIp: '11.0.0.1' })).toBe(false);
    expect(matches(rule, { DestinationIp: 'not an ip' })).toBe(false);
  });

  it('base64 finds the encoded value, case-sensitively; base64offset at every byte offset', () => {
    // 9 bytes encode without padding, so they also start longer encoded texts.
    const base64 = detect({ selection: { 'CommandLine|base64|contains': 'evil.exe ' }, condition: 'selection' });
    expect(matches(base64, { CommandLine: `powershell -e ${Buffer.from('evil.exe -run').toString('base64')}` })).toBe(true);
    expect(matches(base64, { CommandLine: `powershell -e ${Buffer.from('evil.exe -run').toString('base64').toUpperCase()}` })).toBe(false);
    expect(matches(base64, { CommandLine: `powershell -e ${Buffer.from('good.exe -run').toString('base64')}` })).toBe(false);

    const offset = detect({ selection: { 'CommandLine|base64offset|contains': 'Invoke-Mimikatz' }, condition: 'selection' });
    for (const prefix of ['', 'a', 'ab', 'abc']) {
      expect(matches(offset, { CommandLine: `-enc ${Buffer.from(`${prefix}Invoke-Mimikatz -dump`).toString('base64')}` })).toBe(true);
    }
    expect(matches(offset, { CommandLine: `-enc ${Buffer.from('Invoke-Mimidogz').toString('base64')}` })).toBe(false);
  });

  it('wide (utf16le) and utf16be encode before base64; utf16 adds the byte order mark', () => {
    const encoded = (text: string, encoding: 'utf16le' | 'utf16be') => {
      const bytes = Buffer.from(text, 'utf16le');
      if (encoding === 'utf16be') bytes.swap16();
      return bytes.toString('base64');
    };
    const wide = detect({ selection: { 'CommandLine|wide|base64offset|contains': 'IEX' }, condition: 'selection' });
    expect(matches(wide, { CommandLine: `powershell -enc ${encoded('x = 1; IEX $y', 'utf16le')}` })).toBe(true);
    expect(matches(wide, { CommandLine: `powershell -enc ${Buffer.from('x = 1; IEX $y').toString('base64')}` })).toBe(false);

    const big = detect({ selection: { 'Blob|utf16be|base64': 'ab' }, condition: 'selection' });
    expect(matches(big, { Blob: encoded('ab', 'utf16be') })).toBe(true);
    expect(matches(big, { Blob: encoded('ab', 'utf16le') })).toBe(false);

    const bom = detect({ selection: { 'Blob|utf16|base64': 'ab' }, condition: 'selection' });
    expect(matches(bom, { Blob: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ab', 'utf16le')]).toString('base64') })).toBe(true);
    expect(matches(bom, { Blob: encoded('ab', 'utf16le') })).toBe(false);

    const bare = detect({ selection: { 'Blob|utf16le|contains': 'ab' }, condition: 'selection' });
    expect(matches(bare, { Blob: 'x\u0000a\u0000b\u0000' })).toBe(true);
    expect(matches(bare, { Blob: 'xab' })).toBe(false);
  });

  it('windash accepts every dash character in place of each dash or slash', () => {
    const rule = detect({ selection: { 'CommandLine|windash|contains': ' -exec bypass' }, condition: 'selection' });
    for (const dash of ['-', '/', '\u2013', '\u2014', '\u2015']) expect(matches(rule, { CommandLine: `powershell ${dash}exec bypass` })).toBe(true);
    expect(matches(rule, { CommandLine: 'powershell +exec bypass' })).toBe(false);
    expect(matches(rule, { CommandLine: 'powershell exec bypass' })).toBe(false);
  });

  it('exists tests presence whatever the value', () => {
    const present = detect({ selection: { 'PasswordLastSet|exists': true }, condition: 'selection' });
    expect(matches(present, { PasswordLastSet: '' })).toBe(true);
    expect(matches(present, {})).toBe(false);
    const absent = detect({ selection: { 'PasswordLastSet|exists': false }, condition: 'selection' });
    expect(matches(absent, {})).toBe(true);
    expect(matches(absent, { PasswordLastSet: '%%1794' })).toBe(false);
  });

  it('gt, gte, lt and lte compare numbers', () => {
    const cases: Array<[string, number, boolean]> = [
      ['gt', 100, false],
      ['gt', 101, true],
      ['gte', 100, true],
      ['gte', 99, false],
      ['lt', 100, false],
      ['lt', 99, true],
      ['lte', 100, true],
      ['lte', 101, false],
    ];
    for (const [op, value, expected] of cases) {
      expect(matches(detect({ selection: { [`Size|${op}`]: 100 }, condition: 'selection' }), { Size: value })).toBe(expected);
    }
    expect(matches(detect({ selection: { 'Size|gt': 1 }, condition: 'selection' }), { Size: 'large' })).toBe(false);
    expect(matches(detect({ selection: { 'Size|gt': 1 }, condition: 'selection' }), { Size: '2' })).toBe(true);
  });

  it('fieldref compares with another field of the same event', () => {
    const same = detect({ selection: { 'Image|fieldref': 'ParentImage' }, condition: 'selection' });
    expect(matches(same, { Image: 'C:\\a.exe', ParentImage: 'c:\\A.EXE' })).toBe(true);
    expect(matches(same, { Image: 'C:\\a.exe', ParentImage: 'C:\\b.exe' })).toBe(false);
    expect(matches(same, { Image: 'C:\\a.exe' })).toBe(false);

    const inside = detect({ selection: { 'CommandLine|fieldref|contains': 'User' }, condition: 'selection' });
    expect(matches(inside, { CommandLine: 'net user bob /add', User: 'BOB' })).toBe(true);
    expect(matches(inside, { CommandLine: 'net user alice /add', User: 'bob' })).toBe(false);
  });

  it('neq: the field differs from every value', () => {
    const rule = detect({ selection: { 'LogonType|neq': [3, 10] }, condition: 'selection' });
    expect(matches(rule, { LogonType: 2 })).toBe(true);
    expect(matches(rule, { LogonType: '10' })).toBe(false);
  });

  it('expand replaces placeholders from the supplied values; an unknown placeholder is a reason', () => {
    const options = { mappings: [{ logsource: { product: 'test' }, events: [], fields: {}, otherFields: ['{field}'], keywords: ['message'] }], placeholders: { Servers: ['srv*', 'dc01'] } };
    const rule = detect({ selection: { 'Computer|expand': '%Servers%' }, condition: 'selection' }, options);
    expect(matches(rule, { Computer: 'SRV-FILES' })).toBe(true);
    expect(matches(rule, { Computer: 'dc01' })).toBe(true);
    expect(matches(rule, { Computer: 'ws-17' })).toBe(false);
    // Without expand, the placeholder is plain text.
    const literal = detect({ selection: { Computer: '%Servers%' }, condition: 'selection' }, options);
    expect(matches(literal, { Computer: '%servers%' })).toBe(true);
    expect(reasonsFor({ selection: { 'Computer|expand': '%Workstations%' }, condition: 'selection' }, options)).toEqual([
      { code: 'unknown-placeholder', message: 'unknown placeholder %Workstations%' },
    ]);
  });

  it('null matches an absent field; an empty string only an empty value', () => {
    const none = detect({ selection: { OriginalFileName: null }, condition: 'selection' });
    expect(matches(none, {})).toBe(true);
    expect(matches(none, { OriginalFileName: 'x.exe' })).toBe(false);
    const empty = detect({ selection: { OriginalFileName: '' }, condition: 'selection' });
    expect(matches(empty, { OriginalFileName: '' })).toBe(true);
    expect(matches(empty, {})).toBe(false);
    const either = detect({ selection: { OriginalFileName: [null, ''] }, condition: 'selection' });
    expect(matches(either, {})).toBe(true);
    expect(matches(either, { OriginalFileName: '' })).toBe(true);
    expect(matches(either, { OriginalFileName: 'a' })).toBe(false);
  });

  it('keywords (field-less values) are searched in the message, any of them; |all needs every one', () => {
    const any = detect({ keywords: ['Failed password', 'authentication failure'], condition: 'keywords' });
    expect(matches(any, { message: 'pam_unix(sshd:auth): AUTHENTICATION FAILURE; logname=' })).toBe(true);
    expect(matches(any, { message: 'Accepted password for bob' })).toBe(false);

    const all = detect({ keywords: { '|all': ['OabVirtualDirectory', ' -ExternalUrl '] }, condition: 'keywords' });
    expect(matches(all, { message: 'Set-OabVirtualDirectory -ExternalUrl http://x' })).toBe(true);
    expect(matches(all, { message: 'Set-OabVirtualDirectory' })).toBe(false);
  });

  it('numbers and booleans in rules compare as text with event numbers and strings', () => {
    const rule = detect({ selection: { EventID: 4624, Signed: false }, condition: 'selection' });
    expect(matches(rule, { EventID: 4624, Signed: 'false' })).toBe(true);
    expect(matches(rule, { EventID: '4624', Signed: 'true' })).toBe(false);
  });

  it('array values match when any element does', () => {
    const rule = detect({ selection: { Category: 'web' }, condition: 'selection' });
    expect(matches(rule, { Category: ['network', 'web'] })).toBe(true);
    expect(matches(rule, { Category: ['network'] })).toBe(false);
  });
});
