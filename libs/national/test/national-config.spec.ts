import { loadConfig } from '@soc/shared';

const SECRET = 'a-national-center-shared-secret-0123456789';

describe('national connector configuration', () => {
  it('is off by default and forwards alerts and incidents', () => {
    expect(loadConfig({}).national).toMatchObject({ channel: 'none', types: ['alert.created', 'alert.updated', 'incident.created', 'incident.updated'], batchSize: 100 });
  });

  it('reads a webhook channel', () => {
    const { national } = loadConfig({ SOC_NATIONAL_CONNECTOR: 'webhook', SOC_NATIONAL_URL: 'https://ncsc.example.vn/ingest', SOC_NATIONAL_SECRET: SECRET });
    expect(national.webhook).toEqual({ url: 'https://ncsc.example.vn/ingest', secret: SECRET });
  });

  it.each([
    [{ SOC_NATIONAL_CONNECTOR: 'webhook', SOC_NATIONAL_SECRET: SECRET }, /SOC_NATIONAL_URL/],
    [{ SOC_NATIONAL_CONNECTOR: 'webhook', SOC_NATIONAL_URL: 'https://x.vn/' }, /SOC_NATIONAL_SECRET/],
    [{ SOC_NATIONAL_CONNECTOR: 'webhook', SOC_NATIONAL_URL: 'https://x.vn/', SOC_NATIONAL_SECRET: 'short' }, /SOC_NATIONAL_SECRET: at least 32/],
    [{ SOC_NATIONAL_CONNECTOR: 'webhook', SOC_NATIONAL_URL: 'ftp://x.vn/', SOC_NATIONAL_SECRET: SECRET }, /SOC_NATIONAL_URL/],
    [{ SOC_NATIONAL_CONNECTOR: 'kafka', SOC_NATIONAL_TOPIC: 't' }, /SOC_NATIONAL_BROKERS or KAFKA_BROKERS/],
    [{ SOC_NATIONAL_CONNECTOR: 'kafka', KAFKA_BROKERS: 'k:9092' }, /SOC_NATIONAL_TOPIC/],
    [{ SOC_NATIONAL_CONNECTOR: 'syslog' }, /SOC_NATIONAL_SYSLOG/],
    [{ SOC_NATIONAL_CONNECTOR: 'syslog', SOC_NATIONAL_SYSLOG: 'host' }, /SOC_NATIONAL_SYSLOG/],
    [{ SOC_NATIONAL_CONNECTOR: 'carrier-pigeon' }, /SOC_NATIONAL_CONNECTOR/],
    [{ SOC_NATIONAL_TYPES: 'alert.created,source.silent' }, /SOC_NATIONAL_TYPES/],
    [{ SOC_NATIONAL_RETRY_BASE_MS: '5000', SOC_NATIONAL_RETRY_MAX_MS: '1000' }, /SOC_NATIONAL_RETRY_MAX_MS/],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('allows plain HTTP outside production, and in production only when explicitly accepted', () => {
    const http = { SOC_NATIONAL_CONNECTOR: 'webhook', SOC_NATIONAL_URL: 'http://10.0.0.5/ingest', SOC_NATIONAL_SECRET: SECRET };
    expect(loadConfig(http).national.webhook?.url).toBe('http://10.0.0.5/ingest');
    const production = { ...http, NODE_ENV: 'production', SOC_JWT_SECRET: 'j'.repeat(40) };
    expect(() => loadConfig(production)).toThrow(/SOC_NATIONAL_URL must be https/);
    expect(loadConfig({ ...production, SOC_NATIONAL_ALLOW_HTTP: 'true' }).national.channel).toBe('webhook');
  });

  it('falls back to KAFKA_BROKERS and reads a syslog target', () => {
    expect(loadConfig({ SOC_NATIONAL_CONNECTOR: 'kafka', KAFKA_BROKERS: 'k1:9092', SOC_NATIONAL_TOPIC: 'vn.ncsc.alerts' }).national.kafka).toMatchObject({ brokers: ['k1:9092'], topic: 'vn.ncsc.alerts' });
    expect(loadConfig({ SOC_NATIONAL_CONNECTOR: 'kafka', KAFKA_BROKERS: 'k1:9092', SOC_NATIONAL_BROKERS: 'n1:9093', SOC_NATIONAL_TOPIC: 't' }).national.kafka?.brokers).toEqual(['n1:9093']);
    expect(loadConfig({ SOC_NATIONAL_CONNECTOR: 'syslog', SOC_NATIONAL_SYSLOG: 'siem.ncsc.vn:6514', SOC_NATIONAL_FORMAT: 'json' }).national.syslog).toEqual({ host: 'siem.ncsc.vn', port: 6514, format: 'json' });
  });
});
