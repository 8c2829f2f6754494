export interface Quoted {
  value: string;
  /** Index just past the closing quote, or the end of the text when the quote was never closed. */
  end: number;
  closed: boolean;
}

/**
 * Reads the quoted field opening at `start`. Apache writes `\"` and nginx `\x22` for quotes in
 * values, so a backslash always escapes the next character; the value is kept as logged.
 */
export function readQuoted(text: string, start: number): Quoted {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22) return { value: text.slice(start + 1, i), end: i + 1, closed: true };
  }
  return { value: text.slice(start + 1), end: text.length, closed: false };
}
