import { FormatParser } from '../format-parser';
import { ciscoAsaLineParser, ciscoAsaMessageParser } from './cisco-asa.parser';
import { ciscoIosLineParser, ciscoIosMessageParser } from './cisco-ios.parser';
import { fortiAuthenticatorParser } from './fortiauth.parser';
import { fortigateLineParser, fortigateMessageParser } from './fortigate.parser';
import { iptablesParser } from './iptables.parser';
import { paloAltoLineParser, paloAltoMessageParser } from './paloalto.parser';
import { pfsenseParser } from './pfsense.parser';

/**
 * Firewall formats recognized on the whole record: FortiGate with only `<PRI>`, bare `%ASA-…`
 * lines, PAN-OS CSV and IOS messages without a readable header. Each declines lines whose syslog header the
 * dispatcher reads, so those keep their header through the message parsers below.
 */
export const FIREWALL_LINE_PARSERS: readonly FormatParser[] = [
  fortigateLineParser,
  ciscoAsaLineParser,
  paloAltoLineParser,
  ciscoIosLineParser,
];
/** Firewall formats recognized in a syslog message (filterlog, %ASA-, IOS %FAC-SEV-MNEMONIC, PAN-OS CSV, FortiGate, FortiAuthenticator, netfilter). */
export const FIREWALL_MESSAGE_PARSERS: readonly FormatParser[] = [
  pfsenseParser,
  ciscoAsaMessageParser,
  ciscoIosMessageParser,
  paloAltoMessageParser,
  fortigateMessageParser,
  fortiAuthenticatorParser,
  iptablesParser,
];
