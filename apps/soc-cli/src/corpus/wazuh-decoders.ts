type Event = Record<string, unknown>;

const at = (event: Event, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Event)[key] : undefined), event);
const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const datasetStarts = (prefix: string) => (e: Event) => text(at(e, 'event.dataset')).startsWith(prefix);
const vendorIs = (vendor: string) => (e: Event) => text(at(e, 'observer.vendor')).toLowerCase().startsWith(vendor.toLowerCase());
const hasVendorBlock = (name: string) => (e: Event) => at(e, `vendor.${name}`) !== undefined;
const categoryIncludes = (category: string) => (e: Event) => {
  const categories = at(e, 'event.category');
  return Array.isArray(categories) && categories.includes(category);
};

/**
 * What a Wazuh decoder label means for our parse: which of our formats must have claimed the line.
 * Decoders of products we do not parse (yet) are absent: their lines count as read, not as labelled.
 */
export const WAZUH_DECODER_CHECKS: Record<string, (event: Event) => boolean> = {
  sshd: datasetStarts('system.auth'),
  sudo: datasetStarts('system.auth'),
  su: datasetStarts('system.auth'),
  pam: datasetStarts('system.auth'),
  'fortigate-firewall-v3': vendorIs('Fortinet'),
  'fortigate-firewall-v4': vendorIs('Fortinet'),
  'fortigate-firewall-v5': vendorIs('Fortinet'),
  'fortigate-firewall-v6': vendorIs('Fortinet'),
  'cisco-asa': vendorIs('Cisco'),
  'cisco-ftd': vendorIs('Cisco'),
  pix: vendorIs('Cisco'),
  paloalto: vendorIs('Palo Alto'),
  pf: (e) => text(at(e, 'observer.product')).toLowerCase().includes('pfsense') || datasetStarts('pfsense')(e),
  kernel: (e) => at(e, 'observer.ingress.interface.name') !== undefined || at(e, 'observer.egress.interface.name') !== undefined || datasetStarts('iptables')(e),
  'web-accesslog': categoryIncludes('web'),
  'squid-accesslog': categoryIncludes('web'),
  'apache-errorlog': datasetStarts('apache.error'),
  'nginx-errorlog': datasetStarts('nginx.error'),
  'f5-bigip-cef': hasVendorBlock('cef'),
  'cef-fireeye': hasVendorBlock('cef'),
  paps: hasVendorBlock('leef'),
  windows: (e) => at(e, 'winlog.event_id') !== undefined,
  json: (e) => at(e, 'event.dataset') !== 'syslog' && at(e, 'event.dataset') !== undefined,
};

export { at as valueAt };
