import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CliCommand, CliIo, CliUsageError } from '../cli-io';
import { DEMO_PROVINCE } from '../seed/demo-province';
import { type SeedApi, seedDemo } from '../seed/seed-demo';

/**
 * `seed demo`: fills a running SOC with the demo province through its API (so it needs the server, not the
 * database): agencies, systems, sources, monitoring, assessments, requirement work, users and some attack
 * traffic that becomes incidents. The admin password comes from SOC_ADMIN_PASSWORD, else from the first-start
 * credentials file under SOC_DATA_DIR.
 */
export const seedDemoCommand: CliCommand = {
  name: 'seed',
  summary: `Create the demo province (${DEMO_PROVINCE.name}: 13 agencies, 30 systems, sources, users, incidents) in a running SOC`,
  usage: 'seed demo [--url http://127.0.0.1:3000]',
  async run(args: string[], io: CliIo): Promise<number> {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { url: { type: 'string', default: 'http://127.0.0.1:3000' } } });
    if (positionals.length !== 1 || positionals[0] !== 'demo') throw new CliUsageError('the only seed is "demo"');
    const baseUrl = values.url.replace(/\/+$/, '');
    const password = io.env.SOC_ADMIN_PASSWORD ?? savedAdminPassword(io.env.SOC_DATA_DIR ?? './data');
    if (!password) throw new CliUsageError('set SOC_ADMIN_PASSWORD to the admin password (no first-start credentials file found)');
    const api = await loginAsAdmin(baseUrl, password);
    const report = await seedDemo(api, { now: new Date(), timeZone: io.env.SOC_TIMEZONE ?? 'Asia/Ho_Chi_Minh' });
    io.stdout.write(`seed: ${DEMO_PROVINCE.name} — ${report.agencies} agencies, ${report.systems} systems, ${report.ingestedLines} log lines ingested\n`);
    io.stdout.write('users (keep these passwords; they are not stored anywhere else):\n');
    for (const user of report.users) io.stdout.write(`  ${user.username.padEnd(10)} ${user.password}  (${user.roles.join(', ')})\n`);
    io.stdout.write('log sources (API keys for POST /api/v1/ingest):\n');
    for (const source of report.sources) io.stdout.write(`  ${source.id.padEnd(20)} ${source.apiKey}\n`);
    return 0;
  },
};

function savedAdminPassword(dataDir: string): string | undefined {
  const file = join(dataDir, 'bootstrap-credentials.json');
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, 'utf8')) as { adminPassword?: string }).adminPassword;
}

/** An API client logged in as `admin`; any non-2xx answer stops the seed with the server's message. */
export async function loginAsAdmin(baseUrl: string, password: string): Promise<SeedApi> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
  if (!login.ok) throw new Error(`login as admin at ${baseUrl} failed: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  return apiClient(baseUrl, accessToken);
}

export function apiClient(baseUrl: string, accessToken: string): SeedApi {
  return {
    async call(method, path, body, contentType = 'application/json', apiKey) {
      const res = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { Authorization: `Bearer ${apiKey ?? accessToken}`, ...(body === undefined ? {} : { 'Content-Type': contentType }) },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return text ? (JSON.parse(text) as unknown) : undefined;
    },
  };
}
