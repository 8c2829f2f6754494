import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface SessionRecord {
  id: string;
  userId: string;
  refreshHash: string;
  expiresAt: Date;
  revokedAt: Date | null;
}

@Injectable()
export class SessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(userId: string, refreshHash: string, expiresAt: Date): Promise<string> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      'INSERT INTO sessions (user_id, refresh_hash, expires_at) VALUES ($1, $2, $3) RETURNING id',
      [userId, refreshHash, expiresAt.toISOString()],
    );
    return rows[0]!.id;
  }

  async find(id: string): Promise<SessionRecord | undefined> {
    const rows: Array<{ id: string; user_id: string; refresh_hash: string; expires_at: Date; revoked_at: Date | null }> = await this.dataSource.query(
      'SELECT id, user_id, refresh_hash, expires_at, revoked_at FROM sessions WHERE id = $1',
      [id],
    );
    const row = rows[0];
    return row && { id: row.id, userId: row.user_id, refreshHash: row.refresh_hash, expiresAt: row.expires_at, revokedAt: row.revoked_at };
  }

  /** Whether the session may still authorize requests (checked on every request, so logout takes effect at once). */
  async isActive(id: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM sessions WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > now()',
      [id, userId],
    );
    return rows.length > 0;
  }

  /** Swaps the refresh secret only if it is still the one presented (compare-and-set against replay). */
  async rotate(id: string, presentedHash: string, nextHash: string, expiresAt: Date): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH rotated AS (
         UPDATE sessions SET refresh_hash = $3, expires_at = $4, last_used_at = now()
         WHERE id = $1 AND refresh_hash = $2 AND revoked_at IS NULL AND expires_at > now() RETURNING id)
       SELECT id FROM rotated`,
      [id, presentedHash, nextHash, expiresAt.toISOString()],
    );
    return rows.length > 0;
  }

  async revoke(id: string, reason: string): Promise<void> {
    await this.dataSource.query('UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL', [id, reason]);
  }

  async revokeAllOf(userId: string, reason: string): Promise<void> {
    await this.dataSource.query('UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL', [userId, reason]);
  }
}
