import { FormatParser } from '../format-parser';
import { apacheParser } from './apache.parser';
import { webAccessParser } from './access/web-access.parser';
import { iisParser } from './iis/iis-w3c.parser';
import { genericJsonParser } from './json/generic-json.parser';
import { nginxParser } from './nginx.parser';
import { squidParser } from './squid/squid.parser';
import { suricataParser } from './suricata/suricata.parser';
import { zeekParser } from './zeek/zeek.parser';

/**
 * Access logs, Suricata EVE and Zeek JSON, recognized on the whole record. `web-access` claims every
 * access line first (`web.access`); `nginx` and `apache` then see only their error logs, unless a
 * source is hinted with their name, which also makes its access lines `nginx.access`/`apache.access`.
 */
export const WEB_IDS_LINE_PARSERS: readonly FormatParser[] = [
  suricataParser,
  zeekParser,
  webAccessParser,
  nginxParser,
  apacheParser,
  squidParser,
  iisParser,
];
/**
 * The same formats inside syslog (nginx/apache `access_log syslog:`, EVE to syslog). The same parser
 * objects serve both lists, so a format hint names one parser; the program name picks the dataset.
 */
export const WEB_IDS_MESSAGE_PARSERS: readonly FormatParser[] = [
  suricataParser,
  zeekParser,
  webAccessParser,
  nginxParser,
  apacheParser,
  squidParser,
];
/** Any other JSON object: tried last. */
export const GENERIC_JSON_PARSERS: readonly FormatParser[] = [genericJsonParser];
