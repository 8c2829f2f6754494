import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { SOC_CONFIG } from '@soc/shared';
import { AccessGuard } from './access.guard';
import { AuthService } from './auth.service';
import { JWT_SECRET, resolveJwtSecret } from './jwt-secret';
import { SessionsRepository } from './sessions.repository';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/**
 * People, sessions and the global access guard. Loaded on every node (metrics are protected too);
 * API-key verification comes from the sources library through `API_KEY_VERIFIER`.
 */
@Global()
@Module({
  providers: [
    UsersRepository,
    SessionsRepository,
    AuthService,
    UsersService,
    { provide: JWT_SECRET, inject: [SOC_CONFIG], useFactory: resolveJwtSecret },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AuthService, UsersService],
})
export class AuthModule {}
