import { timingSafeEqual } from 'node:crypto';
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ALL_AGENCIES, ErrorCode, SOC_CONFIG, type SocConfig, SocError } from '@soc/shared';
import { ANY_USER, AuthenticatedRequest, PUBLIC_ROUTE, REQUIRED_PERMISSION } from './access.decorators';
import { API_KEY_VERIFIER, type ApiKeyVerifier } from './api-key-verifier';
import { AuthService } from './auth.service';
import { credentialOf } from './credentials';
import { Permission } from './permissions';
import { Principal } from './principal';

/**
 * Global guard: every route is closed unless it is `@Public()` or names the permission it needs.
 * People use access tokens; log sources' API keys open ingest routes only; the metrics token opens /metrics only.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    @Inject(API_KEY_VERIFIER) private readonly apiKeys: ApiKeyVerifier,
    @Inject(SOC_CONFIG) private readonly config: SocConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const required = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    const anyUser = this.reflector.getAllAndOverride<boolean>(ANY_USER, targets);
    if (!required && !anyUser) throw new SocError(ErrorCode.Forbidden, 'this route declares no permission, so it is closed');

    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const principal = await this.authenticate(request, required);
    if (!principal) throw new SocError(ErrorCode.Unauthenticated, 'authentication required: send Authorization: Bearer <token>');
    const allowed = anyUser ? principal.kind === 'user' : principal.permissions.has(required!);
    if (!allowed) throw new SocError(ErrorCode.Forbidden, 'not permitted for this account');
    request.principal = principal;
    return true;
  }

  private async authenticate(request: Request, required: Permission | undefined): Promise<Principal | undefined> {
    const credential = credentialOf(request, false);
    switch (credential.kind) {
      case 'none':
        return undefined;
      case 'api-key':
        return this.apiKeys.verify(credential.key, request.socket.remoteAddress ?? '');
      case 'access-token':
        if (required === Permission.MetricsRead && this.isMetricsToken(credential.token)) {
          return { kind: 'scraper', permissions: new Set([Permission.MetricsRead]), scope: ALL_AGENCIES };
        }
        return this.auth.authenticate(credential.token);
    }
  }

  private isMetricsToken(token: string): boolean {
    const expected = this.config.auth.metricsToken;
    if (!expected) return false;
    const [a, b] = [Buffer.from(token), Buffer.from(expected)];
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
