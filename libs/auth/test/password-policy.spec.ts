import { passwordProblems } from '@soc/auth';

describe('passwordProblems', () => {
  it('accepts a long, varied passphrase', () => {
    expect(passwordProblems('correct horse battery staple', 'alice')).toEqual([]);
  });

  it('accepts exactly 12 and exactly 256 characters', () => {
    expect(passwordProblems('fjq8-Lz2#vXp', 'alice')).toEqual([]);
    const long = 'abcdefghij'.repeat(26).slice(0, 256);
    expect(passwordProblems(long, 'alice')).toEqual([]);
  });

  it('refuses fewer than 12 characters', () => {
    expect(passwordProblems('fjq8-Lz2#vX', 'alice')).toEqual(['at least 12 characters']);
  });

  it('refuses more than 256 characters', () => {
    const tooLong = 'abcdefghij'.repeat(26).slice(0, 257);
    expect(tooLong).toHaveLength(257);
    expect(passwordProblems(tooLong, 'alice')).toEqual(['at most 256 characters']);
  });

  it('refuses a password containing the user name, case-insensitively', () => {
    expect(passwordProblems('my-ALICE-is-purple-42', 'alice')).toEqual(['must not contain the user name']);
    expect(passwordProblems('my-alice-is-purple-42', 'AliCe')).toEqual(['must not contain the user name']);
    expect(passwordProblems('my-alic-is-purple-42', 'alice')).toEqual([]);
  });

  it('does not treat an empty user name as contained in every password', () => {
    expect(passwordProblems('correct horse battery staple', '')).toEqual([]);
  });

  it.each(['password1234', 'Password1234', 'MATKHAU12345', 'administrator', '1q2w3e4r5t6y'])('refuses the common password %s', (common) => {
    expect(passwordProblems(common, 'bob')).toContain('is a commonly used password');
  });

  it('refuses fewer than 5 distinct characters', () => {
    expect(passwordProblems('abcdabcdabcdabcd', 'bob')).toEqual(['needs more varied characters']);
    expect(passwordProblems('aaaaaaaaaaaaaaaa', 'bob')).toEqual(['needs more varied characters']);
    expect(passwordProblems('abcdeabcdeabcde', 'bob')).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(passwordProblems('bobbob', 'bob')).toEqual(['at least 12 characters', 'must not contain the user name', 'needs more varied characters']);
  });
});
