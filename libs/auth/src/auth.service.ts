import { Inject, Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { AuditTrail } from '@soc/audit';
import { CLOCK, type Clock, ErrorCode, SOC_CONFIG, type SocConfig, SocError } from '@soc/shared';
import { JWT_SECRET } from './jwt-secret';
import { signAccessToken, verifyAccessToken } from './jwt';
import { actorOf, type UserPrincipal, userPrincipal } from './principal';
import { RateLimiter } from './rate-limiter';
import { hashSecret, newSecret } from './secrets';
import { SessionsRepository } from './sessions.repository';
import { UserRecord, UsersRepository } from './users.repository';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

const INVALID_LOGIN = 'invalid user name or password, or the account is locked';
/** Verified against when the user does not exist, so timing does not reveal which user names exist. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$vcanc0DECGTFZB2MkRk1gA$pWOs/nxbP8cr+oRsh50UBT2c2PWVxXnjTSez+dCYzYs';

export const hashPassword = (password: string): Promise<string> => hash(password);

@Injectable()
export class AuthService {
  private readonly loginLimiter: RateLimiter;

  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly audit: AuditTrail,
    @Inject(JWT_SECRET) private readonly jwtSecret: string,
    @Inject(SOC_CONFIG) private readonly config: SocConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.loginLimiter = new RateLimiter(config.auth.loginRatePerMinute, 60_000);
  }

  async login(username: string, password: string, clientIp: string): Promise<TokenPair> {
    const retryAfterMs = this.loginLimiter.take(clientIp, this.clock.now().getTime());
    if (retryAfterMs > 0) throw new SocError(ErrorCode.RateLimited, 'too many login attempts; try again later', { retryAfterMs });

    const user = await this.users.findByUsername(username);
    const passwordOk = await verify(user?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
    const now = this.clock.now();
    const locked = user?.lockedUntil !== null && user?.lockedUntil !== undefined && user.lockedUntil > now;
    if (!user || !passwordOk || locked || user.disabled) {
      const details: Record<string, unknown> = { username, clientIp, reason: !user ? 'unknown user' : locked ? 'locked' : user.disabled ? 'disabled' : 'wrong password' };
      if (user && !passwordOk && !locked) {
        const { lockedNow } = await this.users.recordFailedLogin(user.id, this.config.auth.maxFailedLogins, this.config.auth.lockoutMinutes);
        if (lockedNow) await this.record('auth.locked', `user:${username}`, { clientIp, minutes: this.config.auth.lockoutMinutes });
      }
      await this.record('auth.login_failed', `user:${username}`, details);
      throw new SocError(ErrorCode.Unauthenticated, INVALID_LOGIN);
    }
    await this.users.recordSuccessfulLogin(user.id);
    const refreshSecret = newSecret();
    const sessionId = await this.sessions.create(user.id, hashSecret(refreshSecret), this.refreshExpiry());
    await this.record('auth.login', `user:${username}`, { clientIp, sessionId }, `user:${username}`);
    return this.tokens(user, sessionId, refreshSecret);
  }

  /** Exchanges a refresh token for new tokens; a reused (already rotated) token revokes the session. */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const [sessionId, secret] = refreshToken.split('.');
    const invalid = new SocError(ErrorCode.Unauthenticated, 'refresh token is invalid, expired or revoked');
    if (!sessionId || !secret || !/^[0-9a-f-]{36}$/.test(sessionId)) throw invalid;
    const session = await this.sessions.find(sessionId);
    if (!session) throw invalid;
    const nextSecret = newSecret();
    if (!(await this.sessions.rotate(sessionId, hashSecret(secret), hashSecret(nextSecret), this.refreshExpiry()))) {
      if (!session.revokedAt && session.refreshHash !== hashSecret(secret)) {
        // An old refresh token came back: someone holds a copy. End the session for both holders.
        await this.sessions.revoke(sessionId, 'refresh token reuse');
        await this.record('auth.refresh_reuse', `session:${sessionId}`, { userId: session.userId });
      }
      throw invalid;
    }
    const user = await this.users.findById(session.userId);
    if (!user || user.disabled) throw invalid;
    return this.tokens(user, sessionId, nextSecret);
  }

  async logout(principal: UserPrincipal): Promise<void> {
    await this.sessions.revoke(principal.sessionId, 'logout');
    await this.record('auth.logout', `user:${principal.username}`, { sessionId: principal.sessionId }, actorOf(principal));
  }

  /** The caller behind an access token, if the token is valid and its session still active. */
  async authenticate(accessToken: string): Promise<UserPrincipal | undefined> {
    const claims = verifyAccessToken(accessToken, this.jwtSecret, Math.floor(this.clock.now().getTime() / 1000));
    if (!claims || !(await this.sessions.isActive(claims.sid, claims.sub))) return undefined;
    const user = await this.users.findById(claims.sub);
    if (!user || user.disabled) return undefined;
    return userPrincipal({ userId: user.id, username: user.username, sessionId: claims.sid, roles: user.roles, agencyIds: user.agencyIds });
  }

  private tokens(user: UserRecord, sessionId: string, refreshSecret: string): TokenPair {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const expiresIn = this.config.auth.accessTokenTtlSeconds;
    const accessToken = signAccessToken({ sub: user.id, sid: sessionId, usr: user.username, iat, exp: iat + expiresIn }, this.jwtSecret);
    return { accessToken, refreshToken: `${sessionId}.${refreshSecret}`, expiresIn };
  }

  private refreshExpiry(): Date {
    return new Date(this.clock.now().getTime() + this.config.auth.refreshTokenTtlSeconds * 1000);
  }

  private record(action: string, target: string, details: Record<string, unknown>, actor = 'anonymous'): Promise<void> {
    return this.audit.record({ actor, action, target, details });
  }
}
