import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermission } from './access.decorators';
import { CreateUserRequest, SetRolesRequest, UserView } from './auth.dto';
import { Permission } from './permissions';
import { actorOf, type Principal } from './principal';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission(Permission.UsersRead)
  @ApiOkResponse({ type: [UserView] })
  list(): Promise<UserView[]> {
    return this.users.list();
  }

  @Post()
  @RequirePermission(Permission.UsersManage)
  @ApiOkResponse({ type: UserView })
  create(@Body() body: CreateUserRequest, @CurrentPrincipal() principal: Principal): Promise<UserView> {
    return this.users.create(actorOf(principal), body);
  }

  @Put(':id/roles')
  @RequirePermission(Permission.UsersManage)
  @ApiOkResponse({ type: UserView })
  setRoles(@Param('id', ParseUUIDPipe) id: string, @Body() body: SetRolesRequest, @CurrentPrincipal() principal: Principal): Promise<UserView> {
    return this.users.setRoles(actorOf(principal), id, body);
  }
}
