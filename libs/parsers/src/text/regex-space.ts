const SPACE = 32;

/**
 * Whether a character code is one `\s` matches in a JavaScript regular expression (without the `u`
 * flag, code unit by code unit): for readers that replace an expression and must agree with it.
 */
export function isRegexSpace(code: number): boolean {
  if (code <= SPACE) return code === SPACE || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}
