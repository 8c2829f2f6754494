import { EventFields } from '../format-parser';
import { Endpoint } from '../security-event';
import { baseName, EventData, ipAddress, port, text } from './event-data';
import { processFrom, qualifiedUser, withParent } from './process-events';
import { defined, meaning } from './semantics';

/** Sysmon event ids: action, ECS category and type. */
const KINDS: Readonly<Record<number, readonly [string, string[], string[]]>> = {
  1: ['process-created', ['process'], ['start']],
  2: ['file-creation-time-changed', ['file'], ['change']],
  3: ['network-connection', ['network'], ['connection', 'start']],
  5: ['process-terminated', ['process'], ['end']],
  6: ['driver-loaded', ['driver'], ['start']],
  7: ['image-loaded', ['process'], ['change']],
  8: ['create-remote-thread', ['process'], ['change']],
  9: ['raw-access-read', ['file'], ['access']],
  10: ['process-accessed', ['process'], ['access']],
  11: ['file-created', ['file'], ['creation']],
  12: ['registry-object-added-or-deleted', ['registry'], ['change']],
  13: ['registry-value-set', ['registry'], ['change']],
  14: ['registry-object-renamed', ['registry'], ['change']],
  15: ['file-stream-created', ['file'], ['creation']],
  17: ['pipe-created', ['file'], ['creation']],
  18: ['pipe-connected', ['file'], ['access']],
  22: ['dns-query', ['network'], ['protocol', 'info']],
  23: ['file-deleted', ['file'], ['deletion']],
  24: ['clipboard-changed', ['host'], ['change']],
  25: ['process-tampering', ['process'], ['change']],
  26: ['file-delete-detected', ['file'], ['deletion']],
  27: ['file-block-executable', ['file'], ['denied']],
  28: ['file-block-shredding', ['file'], ['denied']],
  29: ['file-executable-detected', ['file'], ['creation']],
};

/** `SHA1=…,MD5=…,SHA256=…,IMPHASH=…` → ECS hash names; IMPHASH is a PE field, not a file hash. */
export function fileHashes(value: string | undefined): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  const hashes: Record<string, string> = {};
  for (const pair of value.split(',')) {
    const [algorithm, digest] = pair.split('=');
    const name = algorithm?.trim().toLowerCase();
    if (name && ['md5', 'sha1', 'sha256', 'sha384', 'sha512'].includes(name) && digest && /^[0-9a-f]+$/i.test(digest.trim())) hashes[name] = digest.trim().toLowerCase();
  }
  return Object.keys(hashes).length > 0 ? hashes : undefined;
}

function endpoint(data: EventData, side: 'Source' | 'Destination'): Endpoint | undefined {
  const ip = ipAddress(data, `${side}Ip`);
  return defined({ ip, port: ip === undefined ? undefined : port(data, `${side}Port`), domain: text(data, `${side}Hostname`) });
}

/** The file an event is about: the process image (1), the loaded module (6, 7) or the target file. */
function fileOf(id: number, data: EventData): EventFields['file'] {
  const key = id === 1 ? 'Image' : id === 6 || id === 7 ? 'ImageLoaded' : 'TargetFilename';
  const path = text(data, key) ?? (id === 17 || id === 18 ? text(data, 'PipeName') : undefined);
  return defined({ path, name: path === undefined ? undefined : baseName(path), hash: fileHashes(text(data, 'Hashes') ?? text(data, 'Hash')) });
}

export function sysmonSemantics(id: number, data: EventData): EventFields {
  const kind = KINDS[id];
  const fields: EventFields = kind ? { event: meaning(kind[0], kind[1], kind[2]) } : {};
  const process =
    id === 10 || id === 8
      ? processFrom(data, { path: 'SourceImage', pid: 'SourceProcessId' })
      : processFrom(data, { path: 'Image', pid: 'ProcessId', commandLine: 'CommandLine' });
  const parent = id === 1 ? processFrom(data, { path: 'ParentImage', pid: 'ParentProcessId', commandLine: 'ParentCommandLine' }) : undefined;
  if (process || parent) fields.process = withParent(process, parent);
  const user = qualifiedUser(data, id === 10 || id === 8 ? 'SourceUser' : 'User');
  if (user) fields.user = user;
  const file = [1, 2, 6, 7, 11, 15, 17, 18, 23, 26, 27, 28, 29].includes(id) ? fileOf(id, data) : undefined;
  if (file) fields.file = file;
  if (id === 3) Object.assign(fields, networkConnection(data));
  if (id === 22) {
    const name = text(data, 'QueryName');
    if (name) fields.dns = { question: { name } };
  }
  return fields;
}

function networkConnection(data: EventData): EventFields {
  const fields: EventFields = {};
  const source = endpoint(data, 'Source');
  const destination = endpoint(data, 'Destination');
  if (source) fields.source = source;
  if (destination) fields.destination = destination;
  const initiated = text(data, 'Initiated')?.toLowerCase();
  const network = defined({
    transport: text(data, 'Protocol')?.toLowerCase(),
    direction: initiated === 'true' ? 'egress' : initiated === 'false' ? 'ingress' : undefined,
    type: source?.ip?.includes(':') ? 'ipv6' : source?.ip ? 'ipv4' : undefined,
  });
  if (network) fields.network = network;
  return fields;
}
