import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SocConfig } from '@soc/shared';
import { newSecret } from './secrets';

/**
 * The access-token signing secret: `SOC_JWT_SECRET`, or (outside production, where config requires
 * it) one generated on first start and kept in `<dataDir>/jwt-secret`, so tokens survive restarts.
 */
export function resolveJwtSecret(config: SocConfig): string {
  if (config.auth.jwtSecret) return config.auth.jwtSecret;
  const file = join(config.dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const secret = newSecret();
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export const JWT_SECRET = Symbol('JWT_SECRET');
