import { Body, Controller, Get, HttpCode, HttpStatus, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyUser, CurrentPrincipal, Public } from './access.decorators';
import { LoginRequest, RefreshRequest, TokenResponse, UserView } from './auth.dto';
import { AuthService } from './auth.service';
import type { Principal, UserPrincipal } from './principal';
import { UsersService } from './users.service';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Đăng nhập — log in with user name and password' })
  @ApiOkResponse({ type: TokenResponse })
  login(@Body() body: LoginRequest, @Ip() ip: string): Promise<TokenResponse> {
    return this.auth.login(body.username, body.password, ip);
  }

  @Post('refresh')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'New tokens for a refresh token (which is rotated)' })
  @ApiOkResponse({ type: TokenResponse })
  refresh(@Body() body: RefreshRequest): Promise<TokenResponse> {
    return this.auth.refresh(body.refreshToken ?? '');
  }

  @Post('logout')
  @AnyUser()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Đăng xuất — end this session (its tokens stop working at once)' })
  logout(@CurrentPrincipal() principal: Principal): Promise<void> {
    return this.auth.logout(principal as UserPrincipal);
  }

  @Get('me')
  @AnyUser()
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserView })
  me(@CurrentPrincipal() principal: Principal): Promise<UserView> {
    return this.users.get((principal as UserPrincipal).userId);
  }
}
