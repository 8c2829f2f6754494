// CEF 0-10, or the words ArcSight uses; each word maps to the top of its documented band.
const WORDS: Record<string, number> = { unknown: 0, low: 3, medium: 6, high: 8, 'very-high': 10 };

/** The header's Severity as a number from 0 to 10, or undefined when it is neither. */
export function cefSeverity(written: string): number | undefined {
  const text = written.trim().toLowerCase();
  if (/^\d{1,2}$/.test(text)) {
    const value = Number(text);
    return value <= 10 ? value : undefined;
  }
  return Object.hasOwn(WORDS, text) ? WORDS[text] : undefined;
}
