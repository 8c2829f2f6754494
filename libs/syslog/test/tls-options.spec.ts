import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MetricsService } from '@soc/observability';
import { createLogger, ErrorCode, loadConfig, SocError, systemClock } from '@soc/shared';
import { loadSyslogTlsOptions, SyslogReceiver } from '@soc/syslog';
import { createTestPki, TestPki } from '../../../test/support/tls-cert';

describe('syslog TLS options (RFC 5425)', () => {
  let pki: TestPki;
  let missing: string;

  beforeAll(() => {
    pki = createTestPki();
    missing = join(pki.dir, 'no-such-file.pem');
  });
  afterAll(() => pki?.remove());

  /** The SocError `run` throws; fails the test when it throws anything else or nothing. */
  const errorOf = (run: () => unknown): SocError => {
    try {
      run();
    } catch (error) {
      if (error instanceof SocError) return error;
      throw error;
    }
    throw new Error('expected a SocError, nothing was thrown');
  };

  it('names the variable and the file that cannot be read', () => {
    const { server } = pki;
    const cert = errorOf(() => loadSyslogTlsOptions({ port: 0, certFile: missing, keyFile: server.keyFile }));
    expect(cert.code).toBe(ErrorCode.ConfigInvalid);
    expect(cert.message).toContain(`SYSLOG_TLS_CERT_FILE ${missing} cannot be read`);
    expect(cert.message).toContain('ENOENT');
    expect(errorOf(() => loadSyslogTlsOptions({ port: 0, certFile: server.certFile, keyFile: missing })).message).toContain(
      `SYSLOG_TLS_KEY_FILE ${missing} cannot be read`,
    );
    expect(errorOf(() => loadSyslogTlsOptions({ port: 0, ...server, caFile: missing })).message).toContain(`SYSLOG_TLS_CA_FILE ${missing} cannot be read`);
    // A folder is not a readable file either (EISDIR), though it exists.
    expect(errorOf(() => loadSyslogTlsOptions({ port: 0, certFile: pki.dir, keyFile: server.keyFile })).message).toContain(`SYSLOG_TLS_CERT_FILE ${pki.dir}`);
  });

  it('refuses files that are readable but not a certificate and its key', () => {
    const garbage = join(pki.dir, 'garbage.pem');
    writeFileSync(garbage, 'not a certificate\n');
    const { server, client } = pki;
    const notPem = errorOf(() => loadSyslogTlsOptions({ port: 0, certFile: garbage, keyFile: server.keyFile }));
    expect(notPem.code).toBe(ErrorCode.ConfigInvalid);
    expect(notPem.message).toContain(`SYSLOG_TLS_CERT_FILE ${garbage} and SYSLOG_TLS_KEY_FILE ${server.keyFile} are not a usable certificate and key`);
    expect(errorOf(() => loadSyslogTlsOptions({ port: 0, certFile: server.certFile, keyFile: client.keyFile })).message).toMatch(/key values mismatch/);
    // OpenSSL would take an empty CA list silently and then refuse every client; the loader refuses to start instead.
    expect(errorOf(() => loadSyslogTlsOptions({ port: 0, ...server, caFile: garbage })).message).toContain(`SYSLOG_TLS_CA_FILE ${garbage} holds no PEM certificate`);
  });

  it('serves TLS 1.2 or later, and asks for and verifies client certificates only when a CA is given', () => {
    const serverOnly = loadSyslogTlsOptions({ port: 0, ...pki.server });
    expect(serverOnly).toMatchObject({ minVersion: 'TLSv1.2' });
    expect(serverOnly.requestCert).toBeUndefined();
    expect(serverOnly.ca).toBeUndefined();
    const mutual = loadSyslogTlsOptions({ port: 0, ...pki.server, caFile: pki.caFile });
    expect(mutual).toMatchObject({ minVersion: 'TLSv1.2', requestCert: true, rejectUnauthorized: true });
    expect(String(mutual.ca)).toContain('BEGIN CERTIFICATE');
  });

  it('stops the receiver at bootstrap, before any listener is bound', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      SYSLOG_PORT: '0',
      SYSLOG_HOST: '127.0.0.1',
      SYSLOG_TLS_PORT: '0',
      SYSLOG_TLS_CERT_FILE: pki.server.certFile,
      SYSLOG_TLS_KEY_FILE: missing,
    });
    // Bootstrap fails before the receiver touches its transport or source directory, so neither is needed.
    const receiver = new SyslogReceiver(undefined as never, undefined as never, new MetricsService(), config, createLogger('silent'), systemClock);
    const failure = receiver.onApplicationBootstrap();
    await expect(failure).rejects.toBeInstanceOf(SocError);
    await expect(failure).rejects.toThrow(`SYSLOG_TLS_KEY_FILE ${missing} cannot be read`);
    expect(receiver.port()).toBeUndefined();
    expect(receiver.tlsPort()).toBeUndefined();
    await receiver.onApplicationShutdown();
  });
});
