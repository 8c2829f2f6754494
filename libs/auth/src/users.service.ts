import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@soc/audit';
import { ErrorCode, SocError } from '@soc/shared';
import { hashPassword } from './auth.service';
import { CreateUserRequest, SetRolesRequest, UserView } from './auth.dto';
import { passwordProblems } from './password-policy';
import { Role } from './permissions';
import { SessionsRepository } from './sessions.repository';
import { UserRecord, UsersRepository } from './users.repository';

export const toUserView = (user: UserRecord): UserView => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  roles: user.roles,
  agencyIds: user.agencyIds,
  lockedUntil: user.lockedUntil?.toISOString() ?? null,
  createdAt: user.createdAt.toISOString(),
});

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly audit: AuditTrail,
  ) {}

  async create(actor: string, request: CreateUserRequest): Promise<UserView> {
    const problems = passwordProblems(request.password, request.username);
    if (problems.length > 0) throw new SocError(ErrorCode.ValidationFailed, `password: ${problems.join('; ')}`);
    assertAgencyScopedRoles(request.roles, request.agencyIds);
    const created = await this.users.create({ ...request, passwordHash: await hashPassword(request.password) });
    if (!created) throw new SocError(ErrorCode.Conflict, `user name ${request.username} is taken`);
    await this.record(actor, 'users.create', created, { roles: created.roles, agencyIds: created.agencyIds });
    return toUserView(created);
  }

  /** Changing what someone may do ends their sessions, so the new rights apply from their next login. */
  async setRoles(actor: string, userId: string, request: SetRolesRequest): Promise<UserView> {
    assertAgencyScopedRoles(request.roles, request.agencyIds);
    const before = await this.users.findById(userId);
    if (!before) throw new SocError(ErrorCode.NotFound, 'no such user');
    const updated = (await this.users.setRoles(userId, request.roles, request.agencyIds))!;
    await this.sessions.revokeAllOf(userId, 'roles changed');
    await this.record(actor, 'users.roles_changed', updated, {
      before: { roles: before.roles, agencyIds: before.agencyIds },
      after: { roles: updated.roles, agencyIds: updated.agencyIds },
    });
    return toUserView(updated);
  }

  async get(userId: string): Promise<UserView> {
    const user = await this.users.findById(userId);
    if (!user) throw new SocError(ErrorCode.NotFound, 'no such user');
    return toUserView(user);
  }

  count(): Promise<number> {
    return this.users.count();
  }

  async list(): Promise<UserView[]>{
    return (await this.users.list()).map(toUserView);
  }

  private record(actor: string, action: string, user: UserRecord, details: Record<string, unknown>): Promise<void> {
    return this.audit.record({ actor, action, target: `user:${user.username}`, details });
  }
}

function assertAgencyScopedRoles(roles: readonly Role[], agencyIds: readonly string[]): void {
  if (roles.length === 0) throw new SocError(ErrorCode.ValidationFailed, 'roles: at least one role');
  if (roles.includes('agency_it') && agencyIds.length === 0) {
    throw new SocError(ErrorCode.ValidationFailed, 'agencyIds: an agency_it user needs at least one agency');
  }
}
