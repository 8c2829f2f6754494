import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CertAndKey {
  certFile: string;
  keyFile: string;
}

/** A throwaway PKI in a temp folder: a CA, a server and a client certificate it signed, and a self-signed client. */
export interface TestPki {
  dir: string;
  caFile: string;
  /** For 127.0.0.1 and localhost (subjectAltName), serverAuth. */
  server: CertAndKey;
  /** Signed by the CA, clientAuth: what an agency's rsyslog would present. */
  client: CertAndKey;
  /** Self-signed: a client certificate the CA never issued. */
  rogueClient: CertAndKey;
  remove(): void;
}

const OPENSSL = '/usr/bin/openssl';
// P-256 keys: generated in milliseconds, unlike RSA, and accepted by every TLS stack the SOC talks to.
const NEW_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/** Creates the PKI with `/usr/bin/openssl`; certificates are valid for one day. */
export function createTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'soc-tls-'));
  const file = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync(OPENSSL, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const selfSigned = (name: string, subject: string): CertAndKey => {
    openssl('req', '-x509', ...NEW_KEY, '-keyout', file(`${name}.key`), '-out', file(`${name}.pem`), '-days', '1', '-subj', subject);
    return { certFile: file(`${name}.pem`), keyFile: file(`${name}.key`) };
  };
  let serial = 1;
  const issue = (name: string, subject: string, extensions: string[]): CertAndKey => {
    writeFileSync(file(`${name}.ext`), `${extensions.join('\n')}\n`);
    openssl('req', ...NEW_KEY, '-keyout', file(`${name}.key`), '-out', file(`${name}.csr`), '-subj', subject);
    openssl('x509', '-req', '-in', file(`${name}.csr`), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-set_serial', String((serial += 1)),
      '-days', '1', '-extfile', file(`${name}.ext`), '-out', file(`${name}.pem`));
    return { certFile: file(`${name}.pem`), keyFile: file(`${name}.key`) };
  };
  try {
    const ca = selfSigned('ca', '/CN=SOC test CA');
    return {
      dir,
      caFile: ca.certFile,
      server: issue('server', '/CN=localhost', ['subjectAltName=IP:127.0.0.1,DNS:localhost', 'extendedKeyUsage=serverAuth']),
      client: issue('client', '/CN=agency-rsyslog', ['extendedKeyUsage=clientAuth']),
      rogueClient: selfSigned('rogue', '/CN=rogue-rsyslog'),
      remove: () => rmSync(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
