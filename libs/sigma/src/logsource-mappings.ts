import { SigmaFieldMap, SigmaLogsource } from './sigma-rule';

/**
 * How rules of one Sigma logsource read our normalized events (`SecurityEvent`). Pure data: the
 * compiler turns `events` into the rule's scope test and `fields` into field accessors.
 */
export interface LogsourceMapping {
  /** The rules served: those whose logsource has exactly these product/category/service values. */
  logsource: SigmaLogsource;
  /** The events of this logsource, as Sigma search maps over event paths; any of them. */
  events: readonly SigmaFieldMap[];
  /** Sigma field → event path(s); with several, the first one present in the event is used. */
  fields: Readonly<Record<string, string | readonly string[]>>;
  /** Paths for fields not in `fields`, `{field}` being the Sigma name; the first present is used. */
  otherFields: readonly string[];
  /** Where field-less (keyword) values are searched; a match in any of them counts. */
  keywords: readonly string[];
  /** `otherFields` keys may be written with blanks or underscores the Sigma name leaves out (Windows EventData). */
  looseNames?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Windows: our Windows parsers keep every EventData item under `winlog.event_data` by its Windows
// name (UserData items under `vendor.windows.user_data`), which is the name Sigma rules use.

const SYSMON = 'Microsoft-Windows-Sysmon/Operational';
const POWERSHELL = ['Microsoft-Windows-PowerShell/Operational', 'PowerShellCore/Operational'];

const WINDOWS_FIELDS = {
  EventID: 'winlog.event_id',
  Channel: 'winlog.channel',
  Provider_Name: 'winlog.provider_name',
  Computer: ['winlog.computer_name', 'host.name'],
};

/** Sysmon event ids of Sigma's generic Windows categories (Sigma taxonomy appendix). */
const SYSMON_CATEGORIES: Readonly<Record<string, readonly number[]>> = {
  process_creation: [1],
  file_change: [2],
  network_connection: [3],
  sysmon_status: [4, 16],
  process_termination: [5],
  driver_load: [6],
  image_load: [7],
  create_remote_thread: [8],
  raw_access_thread: [9],
  process_access: [10],
  file_event: [11],
  registry_event: [12, 13, 14],
  registry_add: [12],
  registry_delete: [12],
  registry_set: [13],
  registry_rename: [14],
  create_stream_hash: [15],
  pipe_created: [17, 18],
  wmi_event: [19, 20, 21],
  dns_query: [22],
  file_delete: [23, 26],
  clipboard_capture: [24],
  process_tampering: [25],
  file_delete_detected: [26],
  file_block_executable: [27],
  file_block_shredding: [28],
  file_executable_detected: [29],
  sysmon_error: [255],
};

/** Generic categories other logs also provide, with those logs' own field names where they differ. */
const OTHER_CATEGORY_SOURCES: Readonly<Record<string, { events: readonly SigmaFieldMap[]; fields?: LogsourceMapping['fields'] }>> = {
  // Security 4688 names the new and parent process differently from Sysmon.
  process_creation: {
    events: [{ 'winlog.channel': 'Security', 'winlog.event_id': 4688 }],
    fields: { Image: ['winlog.event_data.Image', 'winlog.event_data.NewProcessName'], ParentImage: ['winlog.event_data.ParentImage', 'winlog.event_data.ParentProcessName'] },
  },
  ps_module: { events: [{ 'winlog.channel': POWERSHELL, 'winlog.event_id': 4103 }] },
  ps_script: { events: [{ 'winlog.channel': POWERSHELL, 'winlog.event_id': 4104 }] },
  // Classic PowerShell writes unnamed Data items (param1…); Sigma calls their text `Data`.
  ps_classic_start: { events: [{ 'winlog.channel': 'Windows PowerShell', 'winlog.event_id': 400 }], fields: { Data: 'winlog.event_data.*' } },
  ps_classic_provider_start: { events: [{ 'winlog.channel': 'Windows PowerShell', 'winlog.event_id': 600 }], fields: { Data: 'winlog.event_data.*' } },
  ps_classic_script: { events: [{ 'winlog.channel': 'Windows PowerShell', 'winlog.event_id': 800 }], fields: { Data: 'winlog.event_data.*' } },
  file_access: { events: [{ 'winlog.provider_name': 'Microsoft-Windows-Kernel-File' }] },
  file_rename: { events: [{ 'winlog.provider_name': 'Microsoft-Windows-Kernel-File' }] },
};

/** Event log channels of Sigma's Windows services (Sigma taxonomy appendix, plus services SigmaHQ rules use). */
const WINDOWS_SERVICES: Readonly<Record<string, string | readonly string[]>> = {
  application: 'Application',
  'application-experience': ['Microsoft-Windows-Application-Experience/Program-Telemetry', 'Microsoft-Windows-Application-Experience/Program-Compatibility-Assistant'],
  applocker: [
    'Microsoft-Windows-AppLocker/MSI and Script',
    'Microsoft-Windows-AppLocker/EXE and DLL',
    'Microsoft-Windows-AppLocker/Packaged app-Deployment',
    'Microsoft-Windows-AppLocker/Packaged app-Execution',
  ],
  'appmodel-runtime': 'Microsoft-Windows-AppModel-Runtime/Admin',
  'appxdeployment-server': 'Microsoft-Windows-AppXDeploymentServer/Operational',
  'appxpackaging-om': 'Microsoft-Windows-AppxPackaging/Operational',
  bitlocker: 'Microsoft-Windows-BitLocker/BitLocker Management',
  'bits-client': 'Microsoft-Windows-Bits-Client/Operational',
  capi2: 'Microsoft-Windows-CAPI2/Operational',
  'certificateservicesclient-lifecycle-system': 'Microsoft-Windows-CertificateServicesClient-Lifecycle-System/Operational',
  'codeintegrity-operational': 'Microsoft-Windows-CodeIntegrity/Operational',
  dhcp: 'Microsoft-Windows-DHCP-Server/Operational',
  'diagnosis-scripted': 'Microsoft-Windows-Diagnosis-Scripted/Operational',
  'dns-client': 'Microsoft-Windows-DNS Client Events/Operational',
  'dns-server': 'DNS Server',
  'dns-server-analytic': 'Microsoft-Windows-DNS-Server/Analytical',
  'dns-server-audit': 'Microsoft-Windows-DNS-Server/Audit',
  'driver-framework': 'Microsoft-Windows-DriverFrameworks-UserMode/Operational',
  'firewall-as': 'Microsoft-Windows-Windows Firewall With Advanced Security/Firewall',
  'hyper-v-worker': 'Microsoft-Windows-Hyper-V-Worker',
  'iis-configuration': 'Microsoft-IIS-Configuration/Operational',
  'kernel-event-tracing': 'Microsoft-Windows-Kernel-EventTracing',
  'kernel-shimengine': ['Microsoft-Windows-Kernel-ShimEngine/Operational', 'Microsoft-Windows-Kernel-ShimEngine/Diagnostic'],
  ldap: 'Microsoft-Windows-LDAP-Client/Debug',
  'lsa-server': 'Microsoft-Windows-LSA/Operational',
  'microsoft-servicebus-client': ['Microsoft-ServiceBus-Client/Operational', 'Microsoft-ServiceBus-Client/Admin'],
  'msexchange-management': 'MSExchange Management',
  ntfs: 'Microsoft-Windows-Ntfs/Operational',
  ntlm: 'Microsoft-Windows-NTLM/Operational',
  openssh: 'OpenSSH/Operational',
  powershell: 'Microsoft-Windows-PowerShell/Operational',
  'powershell-classic': 'Windows PowerShell',
  'printservice-admin': 'Microsoft-Windows-PrintService/Admin',
  'printservice-operational': 'Microsoft-Windows-PrintService/Operational',
  security: 'Security',
  'security-mitigations': ['Microsoft-Windows-Security-Mitigations/Kernel Mode', 'Microsoft-Windows-Security-Mitigations/User Mode'],
  sense: 'Microsoft-Windows-SENSE/Operational',
  'servicebus-client': ['Microsoft-ServiceBus-Client/Operational', 'Microsoft-ServiceBus-Client/Admin'],
  'shell-core': 'Microsoft-Windows-Shell-Core/Operational',
  'smbclient-connectivity': 'Microsoft-Windows-SmbClient/Connectivity',
  'smbclient-security': 'Microsoft-Windows-SmbClient/Security',
  'smbserver-connectivity': 'Microsoft-Windows-SMBServer/Connectivity',
  sysmon: SYSMON,
  system: 'System',
  taskscheduler: 'Microsoft-Windows-TaskScheduler/Operational',
  'terminalservices-localsessionmanager': 'Microsoft-Windows-TerminalServices-LocalSessionManager/Operational',
  vhdmp: 'Microsoft-Windows-VHDMP/Operational',
  windefend: 'Microsoft-Windows-Windows Defender/Operational',
  wmi: 'Microsoft-Windows-WMI-Activity/Operational',
};

function windows(logsource: SigmaLogsource, events: readonly SigmaFieldMap[], fields: LogsourceMapping['fields'] = {}): LogsourceMapping {
  return {
    logsource: { product: 'windows', ...logsource },
    events,
    fields: { ...WINDOWS_FIELDS, ...fields },
    otherFields: ['winlog.event_data.{field}', 'vendor.windows.user_data.{field}'],
    keywords: ['message', 'winlog.event_data.*', 'vendor.windows.user_data.*'],
    looseNames: true,
  };
}

const WINDOWS_MAPPINGS: readonly LogsourceMapping[] = [
  windows({}, [{ 'event.module': 'windows' }]),
  ...Object.entries(WINDOWS_SERVICES).map(([service, channel]) => windows({ service }, [{ 'winlog.channel': channel }])),
  ...[...new Set([...Object.keys(SYSMON_CATEGORIES), ...Object.keys(OTHER_CATEGORY_SOURCES)])].map((category) => {
    const sysmon = SYSMON_CATEGORIES[category];
    const other = OTHER_CATEGORY_SOURCES[category];
    const events = [...(sysmon ? [{ 'winlog.channel': SYSMON, 'winlog.event_id': sysmon }] : []), ...(other?.events ?? [])];
    return windows({ category }, events, other?.fields);
  }),
];

// ---------------------------------------------------------------------------------------------
// Other sources: Sigma's taxonomy field names → our ECS fields.

const KEYWORDS_IN_MESSAGE = ['message', 'event.original'];

function mapping(logsource: SigmaLogsource, events: readonly SigmaFieldMap[], fields: LogsourceMapping['fields'], otherFields = ['{field}']): LogsourceMapping {
  return { logsource, events, fields, otherFields, keywords: KEYWORDS_IN_MESSAGE };
}

const LINUX_SYSLOG = { 'event.module': 'system' };
const LINUX_FIELDS = { USER: 'user.effective.name', User: 'user.name', Hostname: 'host.name' };

const WEB_ACCESS_DATASETS = ['apache.access', 'nginx.access', 'web.access', 'iis.access'];
const WEBSERVER_FIELDS = {
  'c-ip': 'source.ip',
  's-ip': 'destination.ip',
  's-port': 'destination.port',
  'cs-method': 'http.request.method',
  // SigmaHQ webserver rules put whole request targets (path and query) in cs-uri-query.
  'cs-uri-query': 'url.original',
  'cs-uri-stem': 'url.path',
  'cs-uri': 'url.original',
  'cs-host': 'url.domain',
  'cs-username': 'user.name',
  'cs-user-agent': 'user_agent.original',
  'cs-referer': 'http.request.referrer',
  'cs-version': 'http.version',
  'sc-status': 'http.response.status_code',
  'sc-bytes': 'http.response.bytes',
  'cs-bytes': 'http.request.bytes',
};
const PROXY_FIELDS = {
  'c-ip': 'source.ip',
  src_ip: 'source.ip',
  dst_ip: 'destination.ip',
  'c-uri': 'url.original',
  'cs-uri': 'url.original',
  'c-uri-query': 'url.query',
  'c-uri-stem': 'url.path',
  'c-useragent': 'user_agent.original',
  'cs-host': 'url.domain',
  'r-dns': 'url.domain',
  'cs-method': 'http.request.method',
  'cs-referrer': 'http.request.referrer',
  'cs-version': 'http.version',
  'sc-status': 'http.response.status_code',
  'cs-bytes': 'http.request.bytes',
  'sc-bytes': 'http.response.bytes',
};

const FIREWALL_DATASETS = ['fortinet_fortigate.log', 'iptables.log', 'pfsense.log', 'cisco_asa.log', 'cisco_ftd.log', 'panw.panos'];
const NETWORK_FIELDS = {
  src_ip: 'source.ip',
  dst_ip: 'destination.ip',
  src_port: 'source.port',
  dst_port: 'destination.port',
  action: 'event.action',
  username: 'user.name',
};

/** Suricata EVE: the whole record is kept under `vendor.suricata`, so EVE names (`alert.signature`) need no table. */
const SURICATA_FIELDS = {
  src_ip: 'source.ip',
  dest_ip: 'destination.ip',
  src_port: 'source.port',
  dest_port: 'destination.port',
  proto: 'network.transport',
};

const ZEEK_FIELDS = { 'id.orig_h': 'source.ip', 'id.orig_p': 'source.port', 'id.resp_h': 'destination.ip', 'id.resp_p': 'destination.port' };
const ZEEK_SERVICES = ['conn', 'dns', 'http', 'ssl', 'ssh', 'smb_files', 'smb_mapping', 'dce_rpc', 'kerberos', 'ntlm', 'rdp', 'x509', 'files', 'notice'];

const OTHER_MAPPINGS: readonly LogsourceMapping[] = [
  mapping({ product: 'linux' }, [LINUX_SYSLOG], LINUX_FIELDS),
  mapping({ product: 'linux', service: 'syslog' }, [LINUX_SYSLOG], LINUX_FIELDS),
  mapping({ product: 'linux', service: 'auth' }, [{ 'event.dataset': 'system.auth' }], LINUX_FIELDS),
  mapping({ product: 'linux', service: 'sshd' }, [{ ...LINUX_SYSLOG, 'process.name': 'sshd' }], LINUX_FIELDS),
  mapping({ product: 'linux', service: 'sudo' }, [{ ...LINUX_SYSLOG, 'process.name': 'sudo' }], LINUX_FIELDS),
  mapping({ product: 'linux', service: 'cron' }, [{ ...LINUX_SYSLOG, 'process.name': ['cron', 'crond', 'anacron'] }], LINUX_FIELDS),
  mapping({ product: 'linux', service: 'vsftpd' }, [{ ...LINUX_SYSLOG, 'process.name': 'vsftpd' }], LINUX_FIELDS),
  mapping({ product: 'linux', service: 'clamav' }, [{ ...LINUX_SYSLOG, 'process.name': ['clamd', 'freshclam', 'clamscan', 'clamav'] }], LINUX_FIELDS),
  mapping({ product: 'linux', service: 'guacamole' }, [{ ...LINUX_SYSLOG, 'process.name': ['guacd', 'guacamole'] }], LINUX_FIELDS),
  mapping({ category: 'webserver' }, [{ 'event.dataset': WEB_ACCESS_DATASETS }], WEBSERVER_FIELDS),
  mapping({ service: 'apache' }, [{ 'event.dataset': 'apache.error' }], {}),
  mapping({ service: 'nginx' }, [{ 'event.dataset': 'nginx.error' }], {}),
  mapping({ category: 'proxy' }, [{ 'event.dataset': 'squid.access' }], PROXY_FIELDS),
  mapping({ category: 'firewall' }, [{ 'event.dataset': FIREWALL_DATASETS }], NETWORK_FIELDS),
  mapping({ category: 'dns' }, [{ 'dns.question.name|exists': true }], { query: 'dns.question.name', record_type: 'dns.question.type', src_ip: 'source.ip', dst_ip: 'destination.ip' }),
  mapping({ category: 'ids' }, [{ 'event.module': 'suricata' }], SURICATA_FIELDS, ['vendor.suricata.{field}']),
  mapping({ product: 'suricata' }, [{ 'event.module': 'suricata' }], SURICATA_FIELDS, ['vendor.suricata.{field}']),
  ...ZEEK_SERVICES.map((service) => mapping({ product: 'zeek', service }, [{ 'event.dataset': `zeek.${service}` }], ZEEK_FIELDS, ['vendor.zeek.{field}'])),
  mapping({ product: 'fortigate', service: 'event' }, [{ 'event.dataset': 'fortinet_fortigate.log' }], {}, ['vendor.fortinet.{field}']),
  ...['aaa', 'bgp', 'ldp', 'syslog'].map((service) =>
    mapping({ product: 'cisco', service }, [{ 'event.dataset': ['cisco_ios.log', 'cisco_asa.log', 'cisco_ftd.log'] }], {}, ['vendor.cisco.{field}']),
  ),
];

export const LOGSOURCE_MAPPINGS: readonly LogsourceMapping[] = [...WINDOWS_MAPPINGS, ...OTHER_MAPPINGS];
