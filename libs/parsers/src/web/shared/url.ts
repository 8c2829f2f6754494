import { isIP } from 'node:net';
import { SecurityEvent } from '../../security-event';
import { isHostName, splitHostPort } from './network';

type Url = NonNullable<SecurityEvent['url']>;

const ABSOLUTE = /^([A-Za-z][A-Za-z0-9+.-]{0,15}):\/\/([^/?#]*)(.*)$/s;

/**
 * ECS url fields of a request target as logged: origin form (`/p?q`), absolute form
 * (`http://host:port/p?q`, proxies) or authority form (`host:443`, CONNECT).
 */
export function urlFields(target: string, method?: string): Url {
  const url: Url = { original: target };
  let rest = target;
  const absolute = ABSOLUTE.exec(target);
  if (absolute) {
    url.scheme = absolute[1]!.toLowerCase();
    Object.assign(url, authority(absolute[2]!));
    rest = absolute[3]!;
  } else if (method === 'CONNECT') {
    return Object.assign(url, authority(target));
  }
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const question = rest.indexOf('?');
  const path = question >= 0 ? rest.slice(0, question) : rest;
  const query = question >= 0 ? rest.slice(question + 1) : '';
  if (path.length > 0) url.path = path;
  if (query.length > 0) url.query = query;
  return url;
}

function authority(text: string): Pick<Url, 'domain' | 'port'> {
  const hostPort = text.slice(text.lastIndexOf('@') + 1);
  const { host, port } = splitHostPort(hostPort);
  if (host.length === 0 || !(isHostName(host) || isIP(host) !== 0)) return {};
  return { domain: host, ...(port === undefined ? {} : { port }) };
}
