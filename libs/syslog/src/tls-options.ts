import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createSecureContext, type TlsOptions } from 'node:tls';
import { describeError, ErrorCode, SocError, type SocConfig } from '@soc/shared';

export type SyslogTlsConfig = NonNullable<SocConfig['syslog']['tls']>;

/**
 * Server options for RFC 5425 syslog over TLS, read and checked once at bootstrap: a missing, unreadable or
 * malformed certificate stops the start with the file named, instead of surfacing as failed handshakes
 * long after the deploy. With a CA file, every client must present a certificate that CA signed (mutual TLS).
 */
export function loadSyslogTlsOptions(tls: SyslogTlsConfig): TlsOptions {
  const options: TlsOptions = {
    cert: readTlsFile('SYSLOG_TLS_CERT_FILE', tls.certFile),
    key: readTlsFile('SYSLOG_TLS_KEY_FILE', tls.keyFile),
    // TLS 1.0 and 1.1 are deprecated (RFC 8996); explicit, so a process started with --tls-min-v1.0 still refuses them.
    minVersion: 'TLSv1.2',
  };
  try {
    createSecureContext(options);
  } catch (error) {
    throw invalid(`SYSLOG_TLS_CERT_FILE ${tls.certFile} and SYSLOG_TLS_KEY_FILE ${tls.keyFile} are not a usable certificate and key`, error, {
      certFile: tls.certFile,
      keyFile: tls.keyFile,
    });
  }
  if (!tls.caFile) return options;
  const ca = readTlsFile('SYSLOG_TLS_CA_FILE', tls.caFile);
  // OpenSSL ignores a CA file without certificates, which would then refuse every agency: check it holds one.
  try {
    new X509Certificate(ca);
  } catch (error) {
    throw invalid(`SYSLOG_TLS_CA_FILE ${tls.caFile} holds no PEM certificate`, error, { caFile: tls.caFile });
  }
  return { ...options, ca, requestCert: true, rejectUnauthorized: true };
}

function readTlsFile(variable: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw invalid(`${variable} ${path} cannot be read`, error, { variable, path });
  }
}

const invalid = (what: string, cause: unknown, details: Record<string, unknown>) =>
  new SocError(ErrorCode.ConfigInvalid, `Invalid configuration: ${what}: ${describeError(cause)}`, details);
