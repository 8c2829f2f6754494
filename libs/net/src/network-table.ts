import { IpNetwork, maskTo, parseIp } from './ip-address';

/** Values keyed by IP network, looked up by address with the longest matching prefix winning. */
export class NetworkTable<T> {
  /** Per IP version and prefix length, values by masked network value. */
  private readonly byPrefix = { 4: new Map<number, Map<bigint, T>>(), 6: new Map<number, Map<bigint, T>>() };
  /** Prefix lengths present, longest first: a lookup tries only these. */
  private prefixes: { 4: number[]; 6: number[] } = { 4: [], 6: [] };
  private count = 0;

  set({ version, prefix, value }: IpNetwork, item: T): void {
    let byValue = this.byPrefix[version].get(prefix);
    if (!byValue) {
      this.byPrefix[version].set(prefix, (byValue = new Map<bigint, T>()));
      this.prefixes[version] = [...this.byPrefix[version].keys()].sort((a, b) => b - a);
    }
    if (!byValue.has(value)) this.count++;
    byValue.set(value, item);
  }

  /** The value of the most specific network holding the address; undefined for none or a non-address. */
  lookup(address: string): T | undefined {
    if (this.count === 0) return undefined;
    const ip = parseIp(address);
    if (!ip) return undefined;
    for (const prefix of this.prefixes[ip.version]) {
      const found = this.byPrefix[ip.version].get(prefix)!.get(maskTo(ip.value, ip.version, prefix));
      if (found !== undefined) return found;
    }
    return undefined;
  }

  get size(): number {
    return this.count;
  }
}
