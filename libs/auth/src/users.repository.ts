import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Role } from './permissions';

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string | null;
  roles: Role[];
  agencyIds: string[];
  failedLogins: number;
  lockedUntil: Date | null;
  disabled: boolean;
  createdAt: Date;
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string | null;
  roles: Role[];
  agency_ids: string[];
  failed_logins: number;
  locked_until: Date | null;
  disabled: boolean;
  created_at: Date;
}

const toRecord = (row: UserRow): UserRecord => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  passwordHash: row.password_hash,
  roles: row.roles,
  agencyIds: row.agency_ids,
  failedLogins: row.failed_logins,
  lockedUntil: row.locked_until,
  disabled: row.disabled,
  createdAt: row.created_at,
});

@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findByUsername(username: string): Promise<UserRecord | undefined> {
    const rows: UserRow[] = await this.dataSource.query('SELECT * FROM users WHERE username = $1', [username]);
    return rows[0] && toRecord(rows[0]);
  }

  async findById(id: string): Promise<UserRecord | undefined> {
    const rows: UserRow[] = await this.dataSource.query('SELECT * FROM users WHERE id = $1', [id]);
    return rows[0] && toRecord(rows[0]);
  }

  async list(): Promise<UserRecord[]> {
    const rows: UserRow[] = await this.dataSource.query('SELECT * FROM users ORDER BY username');
    return rows.map(toRecord);
  }

  async count(): Promise<number> {
    const rows: Array<{ n: string }> = await this.dataSource.query('SELECT count(*) AS n FROM users');
    return Number(rows[0]!.n);
  }

  /** Returns undefined when the user name is taken. */
  async create(user: { username: string; displayName: string; passwordHash: string; roles: Role[]; agencyIds: string[] }): Promise<UserRecord | undefined> {
    const rows: UserRow[] = await this.dataSource.query(
      `INSERT INTO users (username, display_name, password_hash, roles, agency_ids) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (username) DO NOTHING RETURNING *`,
      [user.username, user.displayName, user.passwordHash, user.roles, user.agencyIds],
    );
    return rows[0] && toRecord(rows[0]);
  }

  /** Counts a failed login atomically; locks the account for `lockMinutes` once `maxFailures` is reached. */
  async recordFailedLogin(id: string, maxFailures: number, lockMinutes: number): Promise<{ lockedNow: boolean }> {
    const rows: Array<{ locked_now: boolean }> = await this.dataSource.query(
      `WITH updated AS (
         UPDATE users SET
           failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END,
           locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
         WHERE id = $1 RETURNING (failed_logins = 0) AS locked_now)
       SELECT locked_now FROM updated`,
      [id, maxFailures, lockMinutes],
    );
    return { lockedNow: rows[0]?.locked_now ?? false };
  }

  async recordSuccessfulLogin(id: string): Promise<void> {
    await this.dataSource.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [id]);
  }

  async setRoles(id: string, roles: Role[], agencyIds: string[]): Promise<UserRecord | undefined> {
    const rows: UserRow[] = await this.dataSource.query(
      `WITH updated AS (UPDATE users SET roles = $2, agency_ids = $3, updated_at = now() WHERE id = $1 RETURNING *) SELECT * FROM updated`,
      [id, roles, agencyIds],
    );
    return rows[0] && toRecord(rows[0]);
  }
}
