/** Whether a character code is one of `0`–`9` (what `\d` matches without the `u` flag). */
export const isAsciiDigit = (code: number): boolean => code >= 48 && code <= 57;
