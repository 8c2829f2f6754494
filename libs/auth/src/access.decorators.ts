import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ErrorCode, SocError } from '@soc/shared';
import { Permission } from './permissions';
import type { Principal } from './principal';

export const PUBLIC_ROUTE = 'soc:public';
export const REQUIRED_PERMISSION = 'soc:permission';
export const ANY_USER = 'soc:any-user';

/** Reachable without credentials (health, login, token refresh). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The one permission this route needs. Every non-public route must declare one (or `AnyUser`). */
export const RequirePermission = (permission: Permission) => SetMetadata(REQUIRED_PERMISSION, permission);

/** Any signed-in person, whatever their roles (their own profile, logout). */
export const AnyUser = () => SetMetadata(ANY_USER, true);

export interface AuthenticatedRequest {
  principal?: Principal;
}

/** The authenticated caller, set by the access guard. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new SocError(ErrorCode.Unauthenticated, 'authentication required');
  return principal;
});
