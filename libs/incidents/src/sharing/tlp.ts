/** Traffic Light Protocol 2.0 labels (FIRST), as the API and the MISP `tlp:` taxonomy write them. */
export const TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export type TlpLevel = (typeof TLP_LEVELS)[number];

/** What an export is marked with when the caller does not say: the usual level for incident data shared with CERTs. */
export const DEFAULT_TLP: TlpLevel = 'amber';

/**
 * The TLP 2.0 marking definitions as the OASIS CTI TC publishes them: a STIX 2.1 property extension
 * (extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d) with fixed ids, names and `created`.
 * Consumers recognise a marking by its id, so these must be reproduced exactly, never generated.
 * Source: oasis-open/cti-stix-common-objects, extension-definition-specifications/tlp-2.0
 * ("STIX 2.1 TLP 2.0 marking definition" and its examples/tlp-*.json).
 */
export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';
const TLP2_CREATED = '2022-10-01T00:00:00.000Z';
const TLP2_IDS: Readonly<Record<TlpLevel, string>> = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

export interface TlpMarkingDefinition {
  type: 'marking-definition';
  spec_version: '2.1';
  id: string;
  created: string;
  name: string;
  extensions: Record<string, { extension_type: 'property-extension'; tlp_2_0: TlpLevel }>;
}

export function tlpMarkingDefinition(level: TlpLevel): TlpMarkingDefinition {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP2_IDS[level],
    created: TLP2_CREATED,
    name: `TLP:${level.toUpperCase()}`,
    extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: level } },
  };
}

/**
 * A `tlp` query value as a level: case-insensitive, an optional `tlp:` prefix, and `amber strict` for
 * `amber+strict` (an unencoded `+` in a query string arrives as a space). Undefined when not a TLP 2.0 label.
 */
export function parseTlp(text: string): TlpLevel | undefined {
  const normal = text.trim().toLowerCase().replace(/^tlp:/, '').replace(/\s+/g, '+');
  return (TLP_LEVELS as readonly string[]).includes(normal) ? (normal as TlpLevel) : undefined;
}
