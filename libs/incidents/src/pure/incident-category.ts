/**
 * The national taxonomy of incidents: Cục ATTT/NCSC counts attacks causing incidents in three classes —
 * phishing, defacement, malware (domain notes §5); everything else is `other`.
 */
export const INCIDENT_CATEGORIES = ['phishing', 'defacement', 'malware', 'other'] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

export const CATEGORY_LABELS: Readonly<Record<IncidentCategory, string>> = {
  phishing: 'Lừa đảo (phishing)',
  defacement: 'Thay đổi giao diện (defacement)',
  malware: 'Mã độc (malware)',
  other: 'Khác (other)',
};

/**
 * The ATT&CK techniques (sub-techniques included) that place an alert in a class, checked in this order:
 * - phishing: T1566 Phishing;
 * - defacement: T1491 Defacement;
 * - malware: T1204 User Execution, T1059 Command and Scripting Interpreter, T1486 Data Encrypted for Impact (ransomware),
 *   T1105 Ingress Tool Transfer, T1071 Application Layer Protocol (command and control), or any tag
 *   containing `malware` (e.g. `malware.emotet`).
 * Anything else (brute force T1110, scans, intel matches without such a tag) is `other`; a person corrects it
 * with PATCH /api/v1/incidents/{id} {category}.
 */
const TECHNIQUE_CATEGORIES: ReadonlyArray<[IncidentCategory, readonly string[]]> = [
  ['phishing', ['t1566']],
  ['defacement', ['t1491']],
  ['malware', ['t1204', 't1059', 't1486', 't1105', 't1071']],
];

/** The category an incident starts with, from the tags of the alert that opened it. */
export function categoryFromTags(tags: readonly string[]): IncidentCategory {
  const lower = tags.map((tag) => tag.toLowerCase());
  const techniques = new Set(lower.map((tag) => /^attack\.(t\d{4})(?:\.\d{3})?$/.exec(tag)?.[1]).filter((t): t is string => Boolean(t)));
  for (const [category, ids] of TECHNIQUE_CATEGORIES) if (ids.some((id) => techniques.has(id))) return category;
  if (lower.some((tag) => tag.includes('malware'))) return 'malware';
  return 'other';
}
