import { ErrorCode, loadConfig, SocError } from '@soc/shared';

describe('loadConfig', () => {
  it('gives the embedded default with an empty environment', () => {
    const config = loadConfig({});
    expect(config.http).toEqual({ port: 3000, host: '0.0.0.0' });
    expect(config.database.url).toBeUndefined();
    expect(config.kafka).toBeUndefined();
    expect([...config.roles]).toEqual(['api', 'ingest', 'scheduler']);
    expect(config.timeZone).toBe('Asia/Ho_Chi_Minh');
  });

  it('selects the real services when DATABASE_URL and KAFKA_BROKERS are set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/soc', KAFKA_BROKERS: 'k1:9092, k2:9092', SOC_ROLES: 'ingest' });
    expect(config.database.url).toBe('postgres://u:p@db:5432/soc');
    expect(config.kafka).toMatchObject({ brokers: ['k1:9092', 'k2:9092'], rawTopic: 'soc.events.raw', groupId: 'soc-ingest' });
    expect([...config.roles]).toEqual(['ingest']);
  });

  it('treats blank optional variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: ' ', KAFKA_BROKERS: '' }).kafka).toBeUndefined();
  });

  it('fails fast naming every bad variable', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'http', DATABASE_URL: 'mysql://x', SOC_TIMEZONE: 'Mars/Olympus', KAFKA_BROKERS: 'nohost', SOC_ROLES: 'api,cook' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SocError);
    expect((error as SocError).code).toBe(ErrorCode.ConfigInvalid);
    for (const name of ['PORT', 'DATABASE_URL', 'SOC_TIMEZONE', 'KAFKA_BROKERS', 'SOC_ROLES']) {
      expect((error as SocError).message).toContain(name);
    }
  });

  it('refuses an api node on the in-process bus without the ingest role: nothing would consume its records', () => {
    expect(() => loadConfig({ SOC_ROLES: 'api' })).toThrow(/SOC_ROLES/);
    expect(() => loadConfig({ SOC_ROLES: 'api', KAFKA_BROKERS: 'k:9092' })).not.toThrow();
  });
});
