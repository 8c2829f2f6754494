import { formatNetwork, parseNetwork } from '@soc/net';

export type AssetValue = { kind: 'network' | 'hostname'; value: string };

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,62})(?:\.[a-z0-9_](?:[a-z0-9_-]{0,62}))*\.?$/;

/**
 * What an officer types into the inventory, in canonical form: an address or CIDR becomes a network
 * (`10.0.0.5` → `10.0.0.5/32`, host bits cleared), a URL becomes its host name, a name is lower-cased.
 */
export function toAssetValue(text: string): AssetValue | undefined {
  const input = text.trim();
  const network = parseNetwork(input);
  if (network) return { kind: 'network', value: formatNetwork(network) };
  let name = input.toLowerCase();
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(name)) {
    try {
      name = new URL(name).hostname;
    } catch {
      return undefined;
    }
    const fromUrl = parseNetwork(name.replace(/^\[|\]$/g, ''));
    if (fromUrl) return { kind: 'network', value: formatNetwork(fromUrl) };
  }
  name = name.replace(/\.$/, '');
  return HOSTNAME.test(name) && !/^[\d.]+$/.test(name) ? { kind: 'hostname', value: name } : undefined;
}
