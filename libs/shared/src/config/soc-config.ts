import { z } from 'zod';
import { ErrorCode } from '../errors/error-code';
import { SocError } from '../errors/soc-error';
import {
  DEFAULT_PRIORITY_MATRIX,
  DEFAULT_SLA_TARGETS,
  groupingEnv,
  type IncidentPolicy,
  priorityMatrixEnv,
  SEVERITIES,
  slaTargetsEnv,
} from './incident-policy';

const ROLES = ['api', 'ingest', 'scheduler'] as const;
export type ServerRole = (typeof ROLES)[number];

const commaList = z
  .string()
  .transform((s) => s.split(',').map((part) => part.trim()).filter((part) => part.length > 0));

const optionalText = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s.trim() === '' ? undefined : s.trim()));

const port = z.coerce.number().int().min(0).max(65535);

const topicName = z.string().regex(/^[A-Za-z0-9._-]{1,249}$/, 'a Kafka topic name');

/** Days per security level 1–5, e.g. `31,31,93,186,366`. */
const daysPerLevel = z
  .string()
  .transform((s) => s.split(',').map((part) => Number(part.trim())))
  .pipe(z.array(z.number().int().min(1).max(3650)).length(5, 'five day counts, for levels 1 to 5'));

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const NATIONAL_CHANNELS = ['none', 'webhook', 'kafka', 'syslog'] as const;
export type NationalChannelKind = (typeof NATIONAL_CHANNELS)[number];
/** Outbox message types the national connector may forward. */
export const NATIONAL_MESSAGE_TYPES = ['alert.created', 'alert.updated', 'incident.created', 'incident.updated', 'sla.breached'] as const;
export type NationalMessageType = (typeof NATIONAL_MESSAGE_TYPES)[number];

/** Regimes whose incident-report clocks exist (their rules are data in libs/incidents/src/pure/report-clocks.ts). */
export const REPORTING_REGIME_IDS = ['tt20-2017', 'nd331-2026'] as const;
export type ReportingRegimeId = (typeof REPORTING_REGIME_IDS)[number];

/** Who the national coordinator may call back about a report: `name|position|phone|email`. */
export interface ReportContact {
  name: string;
  position: string;
  phone: string;
  email: string;
}

const reportContactEnv = z.string().transform((text, ctx): ReportContact => {
  const [name = '', position = '', phone = '', email = '', ...rest] = text.split('|').map((part) => part.trim());
  if (!name || rest.length > 0 || (email && !email.includes('@'))) {
    ctx.addIssue({ code: 'custom', message: 'name|position|phone|email (name required, email with @)' });
    return z.NEVER;
  }
  return { name, position, phone, email };
});

/** Records per ingest batch (and transaction) on the in-process bus; benchmarks cut their batches the same. */
export const DEFAULT_INGEST_BATCH_SIZE = 2000;

/** The environment variables the SOC reads, and nothing else. Unknown variables are ignored. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  SOC_ROLES: commaList.pipe(z.array(z.enum(ROLES)).min(1)).default([...ROLES]),
  SOC_DATA_DIR: z.string().min(1).default('./data'),
  SOC_TIMEZONE: z.string().refine(isTimeZone, 'not an IANA time zone').default('Asia/Ho_Chi_Minh'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
  ),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(100).default(10),
  EMBEDDED_PG_PORT: port.default(54329),
  KAFKA_BROKERS: optionalText.pipe(commaList.pipe(z.array(z.string().regex(/^[^:\s]+:\d+$/, 'host:port'))).optional()),
  KAFKA_CLIENT_ID: z.string().min(1).default('soc-server'),
  KAFKA_GROUP_ID: z.string().min(1).default('soc-ingest'),
  KAFKA_TOPIC_RAW: topicName.default('soc.events.raw'),
  KAFKA_TOPICS_EXTRA: optionalText.pipe(commaList.pipe(z.array(topicName)).optional()),
  KAFKA_TOPIC_DLQ: topicName.default('soc.events.dlq'),
  KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().min(1).max(1000).default(3),
  KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6000).max(300_000).default(30_000),
  KAFKA_MAX_BYTES_PER_PARTITION: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
  INGEST_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(5 * 1024 * 1024),
  INGEST_BATCH_SIZE: z.coerce.number().int().min(1).max(100_000).default(DEFAULT_INGEST_BATCH_SIZE),
  WS_MAX_BUFFERED_BYTES: z.coerce.number().int().min(1024).default(4 * 1024 * 1024),
  WS_HEARTBEAT_MS: z.coerce.number().int().min(100).default(30_000),
  WS_REPLAY_PAGE_SIZE: z.coerce.number().int().min(1).max(10_000).default(200),
  WS_REPLAY_QUEUE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(5_000),
  WS_MAX_INVALID_MESSAGES: z.coerce.number().int().min(1).max(10_000).default(10),
  SOC_JWT_SECRET: optionalText.pipe(z.string().min(32, 'at least 32 characters').optional()),
  SOC_ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  SOC_REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().min(300).max(90 * 86_400).default(7 * 86_400),
  SOC_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  SOC_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  SOC_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  SOC_INGEST_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  SOC_BOOTSTRAP_ADMIN_PASSWORD: optionalText,
  SOC_BOOTSTRAP_INGEST_KEY: optionalText.pipe(z.string().regex(/^soc_[A-Za-z0-9_-]{28,}$/, 'soc_ followed by at least 28 URL-safe characters').optional()),
  SOC_METRICS_TOKEN: optionalText.pipe(z.string().min(32, 'at least 32 characters').optional()),
  SOC_CORS_ORIGINS: optionalText.pipe(commaList.optional()),
  SOC_EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  // Minimums from the domain notes (L1 unstated, so as L2; L2–L5 1/3/6/12 months), rounded up to whole months of 31 days.
  SOC_RETENTION_DAYS_BY_LEVEL: daysPerLevel.default([31, 31, 93, 186, 366]),
  SOC_RULES_DIR: z.string().min(1).default('rules'),
  SOC_DETECTION_LATENESS_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  SOC_DETECTION_IDLE_CHECK_MS: z.coerce.number().int().min(50).max(600_000).default(5_000),
  SOC_RULES_POLL_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
  SOC_ALERT_SUPPRESSION_MS: z.coerce.number().int().min(0).max(30 * 86_400_000).default(3_600_000),
  SOC_PROVINCE_NAME: z.string().min(1).max(200).default('Tỉnh (chưa cấu hình SOC_PROVINCE_NAME)'),
  SOC_AUTHORITY_NAME: z.string().min(1).max(300).default('Đơn vị chuyên trách về an toàn thông tin của tỉnh'),
  SOC_PRIORITY_MATRIX: optionalText.pipe(priorityMatrixEnv.optional()),
  SOC_INCIDENT_GROUPING: groupingEnv.default([['attacker'], ['system', 'rule_family']]),
  SOC_INCIDENT_WINDOW_MS: z.coerce.number().int().min(60_000).max(30 * 86_400_000).default(86_400_000),
  SOC_INCIDENT_MIN_SEVERITY: z.enum(SEVERITIES).default('medium'),
  SOC_SLA_TARGETS: optionalText.pipe(slaTargetsEnv.optional()),
  SOC_SLA_CHECK_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  SOC_REPORTING_REGIMES: commaList.pipe(z.array(z.enum(REPORTING_REGIME_IDS)).min(1)).default([...REPORTING_REGIME_IDS]),
  SOC_REPORT_CONTACT: optionalText.pipe(reportContactEnv.optional()),
  SYSLOG_PORT: port.default(5514),
  SYSLOG_HOST: z.string().min(1).default('0.0.0.0'),
  SYSLOG_ENABLED: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  SYSLOG_TLS_PORT: port.default(6514),
  SYSLOG_TLS_CERT_FILE: optionalText,
  SYSLOG_TLS_KEY_FILE: optionalText,
  SYSLOG_TLS_CA_FILE: optionalText,
  // National monitoring center connector (issue 8 §4); cross-field rules in `nationalOf`.
  SOC_NATIONAL_CONNECTOR: z.enum(NATIONAL_CHANNELS).default('none'),
  SOC_NATIONAL_SENDER_ID: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, . _ - (at most 64)').default('soc'),
  SOC_NATIONAL_TYPES: commaList.pipe(z.array(z.enum(NATIONAL_MESSAGE_TYPES)).min(1)).default(['alert.created', 'alert.updated', 'incident.created', 'incident.updated']),
  SOC_NATIONAL_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
  SOC_NATIONAL_POLL_MS: z.coerce.number().int().min(50).max(3_600_000).default(5_000),
  SOC_NATIONAL_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  SOC_NATIONAL_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(1_000),
  SOC_NATIONAL_RETRY_MAX_MS: z.coerce.number().int().min(10).max(86_400_000).default(300_000),
  SOC_NATIONAL_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).optional()),
  SOC_NATIONAL_SECRET: optionalText.pipe(z.string().min(32, 'at least 32 characters').optional()),
  SOC_NATIONAL_ALLOW_HTTP: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  SOC_NATIONAL_TOPIC: optionalText.pipe(topicName.optional()),
  SOC_NATIONAL_BROKERS: optionalText.pipe(commaList.pipe(z.array(z.string().regex(/^[^:\s]+:\d+$/, 'host:port'))).optional()),
  SOC_NATIONAL_SYSLOG: optionalText.pipe(z.string().regex(/^[^:\s]+:\d{1,5}$/, 'host:port').optional()),
  SOC_NATIONAL_FORMAT: z.enum(['cef', 'json']).default('cef'),
});

export interface SocConfig {
  env: 'development' | 'production' | 'test';
  http: { port: number; host: string };
  roles: ReadonlySet<ServerRole>;
  dataDir: string;
  timeZone: string;
  logLevel: string;
  database: { url?: string; poolSize: number; embeddedPort: number };
  kafka?: {
    brokers: string[];
    clientId: string;
    groupId: string;
    /** Where syslog and HTTP ingest produce, and the first topic consumed. */
    rawTopic: string;
    /** Further topics consumed as raw events (agencies' own shippers producing to their own topics). */
    extraTopics: string[];
    /** Dead letters are also published here (the table stays the record). */
    deadLetterTopic: string;
    partitions: number;
    /** How soon a crashed consumer's partitions move to another member. */
    sessionTimeoutMs: number;
    /** Fetch size per partition: the upper bound of one ingest batch (and transaction). */
    maxBytesPerPartition: number;
  };
  ingest: { maxBodyBytes: number; batchSize: number; ratePerMinute: number };
  ws: {
    maxBufferedBytes: number;
    heartbeatMs: number;
    /** Outbox rows read per replay page; the next page is read once the socket has written the last one. */
    replayPageSize: number;
    /** Live messages held per client while its replay runs; past it they are dropped and the replay reads the outbox again. */
    replayQueueLimit: number;
    /** Invalid client messages (each answered with an error) after which the connection is closed with 4004. */
    maxInvalidMessages: number;
  };
  auth: {
    /** Unset outside production: a generated secret is kept in `<dataDir>/jwt-secret`. */
    jwtSecret?: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
    maxFailedLogins: number;
    lockoutMinutes: number;
    loginRatePerMinute: number;
    metricsToken?: string;
  };
  bootstrap: { adminPassword?: string; ingestKey?: string };
  /** Browser origins allowed by CORS; none by default (the console is served by this server). */
  corsOrigins: string[];
  detection: {
    /** Folder of Sigma rule files (bundled ruleset); relative paths are from the working directory. */
    rulesDir: string;
    /** How late (event time) an event may arrive and still be correlated; 0 judges every batch at once. */
    latenessMs: number;
    /** How often quiet streams are checked for correlation windows ready to be judged. */
    idleCheckMs: number;
    /** Repeats of a single-event alert within this long update it instead of raising new ones. */
    suppressionMs: number;
    /** How often each node checks whether rules, switches or exceptions changed elsewhere. */
    rulesPollMs: number;
  };
  /** Who runs this SOC: the province and the owning authority (the Sở TT&TT historically; the provincial police since 2025). */
  province: { name: string; authority: string };
  incidents: IncidentPolicy;
  /** Incident reports to the national coordinator: which regimes' clocks run, and the contact printed on reports. */
  reporting: { regimes: readonly ReportingRegimeId[]; contact?: ReportContact };
  retention: {
    /** Days kept for events whose system (and so security level) is unknown. */
    defaultDays: number;
    /** Days kept per security level; index 0 is level 1. */
    daysByLevel: readonly number[];
  };
  /** UDP and TCP syslog receivers (on `api` nodes), for agencies that cannot produce to Kafka. */
  syslog: {
    enabled: boolean;
    port: number;
    host: string;
    /** RFC 5425 syslog over TLS; on when a certificate and key are given. A CA file makes client certificates mandatory. */
    tls?: { port: number; certFile: string; keyFile: string; caFile?: string };
  };
  national: NationalConfig;
}

/** The outbound connector to the national monitoring center (layer 4 of the four-layer model). */
export interface NationalConfig {
  /** `none`: no connector; layer 4 then does not judge shares. */
  channel: NationalChannelKind;
  /** This SOC's identifier at the national center: in every payload, and the CEF vendor. */
  senderId: string;
  types: readonly NationalMessageType[];
  batchSize: number;
  /** How often the scheduler looks for new outbox messages. */
  pollMs: number;
  /** Per batch: an HTTP request, a Kafka produce or a syslog connection. */
  timeoutMs: number;
  /** Exponential backoff after failures: base × 2^(failures−1), at most max. */
  retry: { baseMs: number; maxMs: number };
  webhook?: { url: string; secret: string };
  kafka?: { brokers: string[]; topic: string; clientId: string };
  syslog?: { host: string; port: number; format: 'cef' | 'json' };
}

/** Builds the one config object from the environment; throws `CONFIG_INVALID` naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): SocConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new SocError(ErrorCode.ConfigInvalid, `Invalid configuration: ${problems.join('; ')}`, { problems });
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.SOC_JWT_SECRET) {
    throw new SocError(ErrorCode.ConfigInvalid, 'Invalid configuration: SOC_JWT_SECRET is required in production (all API nodes share it)');
  }
  if (!e.KAFKA_BROKERS && e.SOC_ROLES.includes('api') && !e.SOC_ROLES.includes('ingest')) {
    throw new SocError(
      ErrorCode.ConfigInvalid,
      'Invalid configuration: SOC_ROLES: without KAFKA_BROKERS the bus is in-process, so an api node must also have the ingest role',
    );
  }
  if (Boolean(e.SYSLOG_TLS_CERT_FILE) !== Boolean(e.SYSLOG_TLS_KEY_FILE)) {
    throw new SocError(ErrorCode.ConfigInvalid, 'Invalid configuration: SYSLOG_TLS_CERT_FILE and SYSLOG_TLS_KEY_FILE go together');
  }
  return {
    env: e.NODE_ENV,
    http: { port: e.PORT, host: e.HOST },
    roles: new Set(e.SOC_ROLES),
    dataDir: e.SOC_DATA_DIR,
    timeZone: e.SOC_TIMEZONE,
    logLevel: e.LOG_LEVEL,
    database: { url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE, embeddedPort: e.EMBEDDED_PG_PORT },
    kafka: e.KAFKA_BROKERS
      ? {
          brokers: e.KAFKA_BROKERS,
          clientId: e.KAFKA_CLIENT_ID,
          groupId: e.KAFKA_GROUP_ID,
          rawTopic: e.KAFKA_TOPIC_RAW,
          extraTopics: (e.KAFKA_TOPICS_EXTRA ?? []).filter((topic) => topic !== e.KAFKA_TOPIC_RAW),
          deadLetterTopic: e.KAFKA_TOPIC_DLQ,
          partitions: e.KAFKA_TOPIC_PARTITIONS,
          sessionTimeoutMs: e.KAFKA_SESSION_TIMEOUT_MS,
          maxBytesPerPartition: e.KAFKA_MAX_BYTES_PER_PARTITION,
        }
      : undefined,
    ingest: { maxBodyBytes: e.INGEST_MAX_BODY_BYTES, batchSize: e.INGEST_BATCH_SIZE, ratePerMinute: e.SOC_INGEST_RATE_PER_MINUTE },
    ws: {
      maxBufferedBytes: e.WS_MAX_BUFFERED_BYTES,
      heartbeatMs: e.WS_HEARTBEAT_MS,
      replayPageSize: e.WS_REPLAY_PAGE_SIZE,
      replayQueueLimit: e.WS_REPLAY_QUEUE_LIMIT,
      maxInvalidMessages: e.WS_MAX_INVALID_MESSAGES,
    },
    auth: {
      jwtSecret: e.SOC_JWT_SECRET,
      accessTokenTtlSeconds: e.SOC_ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlSeconds: e.SOC_REFRESH_TOKEN_TTL_SECONDS,
      maxFailedLogins: e.SOC_LOGIN_MAX_FAILURES,
      lockoutMinutes: e.SOC_LOCKOUT_MINUTES,
      loginRatePerMinute: e.SOC_LOGIN_RATE_PER_MINUTE,
      metricsToken: e.SOC_METRICS_TOKEN,
    },
    bootstrap: { adminPassword: e.SOC_BOOTSTRAP_ADMIN_PASSWORD, ingestKey: e.SOC_BOOTSTRAP_INGEST_KEY },
    corsOrigins: e.SOC_CORS_ORIGINS ?? [],
    detection: {
      rulesDir: e.SOC_RULES_DIR,
      latenessMs: e.SOC_DETECTION_LATENESS_MS,
      idleCheckMs: e.SOC_DETECTION_IDLE_CHECK_MS,
      suppressionMs: e.SOC_ALERT_SUPPRESSION_MS,
      rulesPollMs: e.SOC_RULES_POLL_MS,
    },
    province: { name: e.SOC_PROVINCE_NAME, authority: e.SOC_AUTHORITY_NAME },
    incidents: {
      priorityMatrix: e.SOC_PRIORITY_MATRIX ?? DEFAULT_PRIORITY_MATRIX,
      grouping: e.SOC_INCIDENT_GROUPING,
      groupingWindowMs: e.SOC_INCIDENT_WINDOW_MS,
      openMinSeverity: e.SOC_INCIDENT_MIN_SEVERITY,
      sla: e.SOC_SLA_TARGETS ?? DEFAULT_SLA_TARGETS,
      slaCheckMs: e.SOC_SLA_CHECK_MS,
    },
    reporting: { regimes: [...new Set(e.SOC_REPORTING_REGIMES)], contact: e.SOC_REPORT_CONTACT },
    retention: { defaultDays: e.SOC_EVENT_RETENTION_DAYS, daysByLevel: e.SOC_RETENTION_DAYS_BY_LEVEL },
    syslog: {
      enabled: e.SYSLOG_ENABLED,
      port: e.SYSLOG_PORT,
      host: e.SYSLOG_HOST,
      tls:
        e.SYSLOG_TLS_CERT_FILE && e.SYSLOG_TLS_KEY_FILE
          ? { port: e.SYSLOG_TLS_PORT, certFile: e.SYSLOG_TLS_CERT_FILE, keyFile: e.SYSLOG_TLS_KEY_FILE, caFile: e.SYSLOG_TLS_CA_FILE }
          : undefined,
    },
    national: nationalOf(e),
  };
}

/** The national connector's settings; throws `CONFIG_INVALID` naming the variable a channel is missing or misusing. */
function nationalOf(e: z.infer<typeof envSchema>): NationalConfig {
  const bad = (message: string): never => {
    throw new SocError(ErrorCode.ConfigInvalid, `Invalid configuration: ${message}`);
  };
  const channel = e.SOC_NATIONAL_CONNECTOR;
  if (e.SOC_NATIONAL_RETRY_MAX_MS < e.SOC_NATIONAL_RETRY_BASE_MS) bad('SOC_NATIONAL_RETRY_MAX_MS must not be below SOC_NATIONAL_RETRY_BASE_MS');
  const base = {
    channel,
    senderId: e.SOC_NATIONAL_SENDER_ID,
    types: [...new Set(e.SOC_NATIONAL_TYPES)],
    batchSize: e.SOC_NATIONAL_BATCH_SIZE,
    pollMs: e.SOC_NATIONAL_POLL_MS,
    timeoutMs: e.SOC_NATIONAL_TIMEOUT_MS,
    retry: { baseMs: e.SOC_NATIONAL_RETRY_BASE_MS, maxMs: e.SOC_NATIONAL_RETRY_MAX_MS },
  };
  switch (channel) {
    case 'none':
      return base;
    case 'webhook': {
      const url = e.SOC_NATIONAL_URL ?? bad('SOC_NATIONAL_URL is required when SOC_NATIONAL_CONNECTOR=webhook');
      const secret = e.SOC_NATIONAL_SECRET ?? bad('SOC_NATIONAL_SECRET (at least 32 characters) is required when SOC_NATIONAL_CONNECTOR=webhook');
      // Alerts leave the province: plain HTTP only on a test bench, or when explicitly accepted.
      if (url.startsWith('http:') && e.NODE_ENV === 'production' && !e.SOC_NATIONAL_ALLOW_HTTP) bad('SOC_NATIONAL_URL must be https:// in production (or set SOC_NATIONAL_ALLOW_HTTP=true)');
      return { ...base, webhook: { url, secret } };
    }
    case 'kafka': {
      const brokers = e.SOC_NATIONAL_BROKERS ?? e.KAFKA_BROKERS ?? bad('SOC_NATIONAL_BROKERS or KAFKA_BROKERS is required when SOC_NATIONAL_CONNECTOR=kafka');
      const topic = e.SOC_NATIONAL_TOPIC ?? bad('SOC_NATIONAL_TOPIC is required when SOC_NATIONAL_CONNECTOR=kafka');
      return { ...base, kafka: { brokers, topic, clientId: `${e.KAFKA_CLIENT_ID}-national` } };
    }
    case 'syslog': {
      const target = e.SOC_NATIONAL_SYSLOG ?? bad('SOC_NATIONAL_SYSLOG (host:port) is required when SOC_NATIONAL_CONNECTOR=syslog');
      const at = target.lastIndexOf(':');
      const port = Number(target.slice(at + 1));
      if (port < 1 || port > 65535) bad('SOC_NATIONAL_SYSLOG: port must be 1-65535');
      return { ...base, syslog: { host: target.slice(0, at), port, format: e.SOC_NATIONAL_FORMAT } };
    }
  }
}

/** Nest injection token for the `SocConfig` object. */
export const SOC_CONFIG = Symbol('SOC_CONFIG');
