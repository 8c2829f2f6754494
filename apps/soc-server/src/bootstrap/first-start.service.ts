import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { API_KEY_PREFIX, newSecret, UsersService } from '@soc/auth';
import { ALL_AGENCIES, ErrorCode, SOC_CONFIG, SOC_LOGGER, type SocConfig, SocError, type SocLogger } from '@soc/shared';
import { SourcesRepository, SourcesService } from '@soc/sources';

const ACTOR = 'system:bootstrap';

/**
 * First start: the `admin` user and the `bootstrap` log source. Their secrets come from
 * SOC_BOOTSTRAP_ADMIN_PASSWORD / SOC_BOOTSTRAP_INGEST_KEY; on the embedded default, when unset, they
 * are generated, printed once and saved to `<dataDir>/bootstrap-credentials.json` (mode 0600).
 */
@Injectable()
export class FirstStartService implements OnApplicationBootstrap {
  constructor(
    private readonly users: UsersService,
    private readonly sources: SourcesService,
    private readonly sourceRecords: SourcesRepository,
    @Inject(SOC_CONFIG) private readonly config: SocConfig,
    @Inject(SOC_LOGGER) private readonly logger: SocLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const embedded = this.config.database.url === undefined;
    const generated: Record<string, string> = {};

    if ((await this.users.count()) === 0) {
      const password = this.config.bootstrap.adminPassword ?? (embedded ? newSecret().slice(0, 24) : undefined);
      if (password) {
        await this.ignoreConflict(() =>
          this.users.create(ACTOR, { username: 'admin', displayName: 'Quản trị hệ thống (administrator)', password, roles: ['admin'], agencyIds: [] }).catch((error: unknown) => {
            if (error instanceof SocError && error.code === ErrorCode.ValidationFailed) {
              throw new SocError(ErrorCode.ConfigInvalid, `SOC_BOOTSTRAP_ADMIN_PASSWORD is not acceptable: ${error.message}`);
            }
            throw error;
          }),
        );
        if (!this.config.bootstrap.adminPassword) generated.adminPassword = password;
      } else {
        this.logger.warn('no users exist: set SOC_BOOTSTRAP_ADMIN_PASSWORD to create the admin user');
      }
    }

    if (!(await this.sourceRecords.find(ALL_AGENCIES, 'bootstrap'))) {
      const apiKey = this.config.bootstrap.ingestKey ?? (embedded ? newSecret(API_KEY_PREFIX) : undefined);
      if (apiKey) {
        await this.ignoreConflict(() => this.sources.create(ACTOR, { id: 'bootstrap', name: 'Nguồn log khởi tạo (bootstrap source)', apiKey }));
        if (!this.config.bootstrap.ingestKey) generated.ingestKey = apiKey;
      }
    }

    if (Object.keys(generated).length > 0) this.announce(generated);
  }

  private announce(generated: Record<string, string>): void {
    const file = join(this.config.dataDir, 'bootstrap-credentials.json');
    const credentials = { createdAt: new Date().toISOString(), adminUser: generated.adminPassword ? 'admin' : undefined, ...generated };
    writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
    // Printed once, on purpose, outside the (redacting) log: this is the only time they are shown.
    const lines = [
      '',
      '================ SOC first start — thông tin đăng nhập ban đầu (initial credentials) ================',
      ...(generated.adminPassword ? [`  admin user:      admin`, `  admin password:  ${generated.adminPassword}`] : []),
      ...(generated.ingestKey ? [`  ingest API key:  ${generated.ingestKey}   (source "bootstrap")`] : []),
      `  saved to:        ${file} (mode 0600) — change the password and keep the key secret`,
      '=====================================================================================================',
      '',
    ];
    process.stdout.write(lines.join('\n'));
  }

  /** Another node may have bootstrapped at the same moment; its records are as good as ours. */
  private async ignoreConflict(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (!(error instanceof SocError && error.code === ErrorCode.Conflict)) throw error;
    }
  }
}
