import { JsonObject, str } from '../shared/json-value';

const PATH = /^[a-z0-9_]{1,32}$/;

/**
 * Which Zeek log a record comes from: `_path` when the writer adds it, OwlH's `bro_engine`, else
 * guessed from keys only that log has. Undefined when nothing says.
 */
export function zeekPath(record: JsonObject): string | undefined {
  const named = (str(record._path) ?? str(record.bro_engine))?.toLowerCase();
  if (named !== undefined) return PATH.test(named) ? named : undefined;
  if ('conn_state' in record || 'history' in record) return 'conn';
  if ('qtype_name' in record || ('query' in record && 'trans_id' in record)) return 'dns';
  if ('method' in record && 'uri' in record) return 'http';
  if ('note' in record) return 'notice';
  if ('auth_attempts' in record || 'auth_success' in record) return 'ssh';
  if ('server_name' in record || 'cipher' in record || 'established' in record) return 'ssl';
  if ('certificate.subject' in record) return 'x509';
  if ('fuid' in record && ('mime_type' in record || 'tx_hosts' in record)) return 'files';
  if ('name' in record && 'notice' in record) return 'weird';
  return undefined;
}
