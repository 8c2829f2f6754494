import { detect, matches } from './sigma-test-kit';

/** Matching goes through the compiled rule, so each case covers parsing, case folding and the chosen test shape. */
const equalsRule = (value: string) => detect({ selection: { Value: value }, condition: 'selection' });

describe('wildcards, escaping and case', () => {
  it('* spans any run of characters (line breaks included), ? exactly one', () => {
    expect(matches(equalsRule('C:\\Windows\\\\*.exe'), { Value: 'C:\\Windows\\System32\\cmd.exe' })).toBe(true);
    expect(matches(equalsRule('C:\\Windows\\\\*.exe'), { Value: 'D:\\Windows\\cmd.exe' })).toBe(false);
    expect(matches(equalsRule('prog?.exe'), { Value: 'progA.exe' })).toBe(true);
    expect(matches(equalsRule('prog?.exe'), { Value: 'prog.exe' })).toBe(false);
    expect(matches(equalsRule('prog?.exe'), { Value: 'progAB.exe' })).toBe(false);
    expect(matches(equalsRule('a*b*c'), { Value: 'a\nxx\nb\nc' })).toBe(true);
    expect(matches(equalsRule('*'), { Value: '' })).toBe(true);
    expect(matches(equalsRule('*'), {})).toBe(false);
  });

  it('regular-expression characters in values are plain text', () => {
    expect(matches(equalsRule('a.b(c)[d]+$'), { Value: 'a.b(c)[d]+$' })).toBe(true);
    expect(matches(equalsRule('a.b(c)*'), { Value: 'aXb(c)' })).toBe(false);
  });

  it('\\* and \\? are plain characters; \\\\ is one backslash; a lone backslash is itself', () => {
    expect(matches(equalsRule('what\\?'), { Value: 'what?' })).toBe(true);
    expect(matches(equalsRule('what\\?'), { Value: 'whatX' })).toBe(false);
    expect(matches(equalsRule('5 \\* 3'), { Value: '5 * 3' })).toBe(true);
    expect(matches(equalsRule('5 \\* 3'), { Value: '5 x 3' })).toBe(false);
    expect(matches(equalsRule('C:\\Windows\\Temp'), { Value: 'C:\\Windows\\Temp' })).toBe(true);
    expect(matches(equalsRule('C:\\\\Windows'), { Value: 'C:\\Windows' })).toBe(true);
  });

  it('\\\\* is a backslash then a wildcard; \\\\\\* a backslash then a plain star', () => {
    expect(matches(equalsRule('dir\\\\*'), { Value: 'dir\\anything' })).toBe(true);
    // Sigma's known trap: a single backslash before * escapes it.
    expect(matches(equalsRule('dir\\*'), { Value: 'dir*' })).toBe(true);
    expect(matches(equalsRule('dir\\*'), { Value: 'dir\\anything' })).toBe(false);
    expect(matches(equalsRule('dir\\\\\\*'), { Value: 'dir\\*' })).toBe(true);
    expect(matches(equalsRule('dir\\\\\\*'), { Value: 'dir\\anything' })).toBe(false);
    // Three or four backslashes are two.
    expect(matches(equalsRule('a\\\\\\\\b'), { Value: 'a\\\\b' })).toBe(true);
  });

  it('matching is case-insensitive by default, for plain and wildcard values', () => {
    expect(matches(equalsRule('PowerShell.EXE'), { Value: 'powershell.exe' })).toBe(true);
    expect(matches(equalsRule('*\\POWERSHELL*'), { Value: 'c:\\windows\\PowerShell.exe -nop' })).toBe(true);
    expect(matches(equalsRule('Straße'), { Value: 'STRAßE' })).toBe(true);
  });

  it('wildcards combine with position modifiers', () => {
    const rule = detect({ selection: { 'CommandLine|contains': 'reg* add' }, condition: 'selection' });
    expect(matches(rule, { CommandLine: 'cmd /c reg.exe add HKLM' })).toBe(true);
    expect(matches(rule, { CommandLine: 'cmd /c reg.exe delete HKLM' })).toBe(false);
  });
});
