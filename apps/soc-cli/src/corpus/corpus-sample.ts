/** One raw record of the shared corpus, with what its labels say the parse must contain. */
export interface CorpusSample {
  /** Report group: the corpus folder (and package for elastic-integrations). */
  group: string;
  file: string;
  line: string;
  /** Expected values by ECS path (dot-separated); compared as strings after normalization. */
  labels: Array<{ field: string; expected: unknown }>;
  /** A label that is a predicate on the whole event (e.g. a Wazuh decoder: "parsed as FortiGate"). */
  checks: Array<{ name: string; test: (event: Record<string, unknown>) => boolean }>;
}
