import { FormatParser } from '../format-parser';

/** Firewall formats recognized on the whole record (e.g. FortiGate key=value without a syslog header). */
export const FIREWALL_LINE_PARSERS: readonly FormatParser[] = [];
/** Firewall formats recognized in a syslog message (filterlog, netfilter, %ASA-, PAN-OS CSV, FortiGate). */
export const FIREWALL_MESSAGE_PARSERS: readonly FormatParser[] = [];
