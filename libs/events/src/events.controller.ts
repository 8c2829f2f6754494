import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Permission, type Principal, RequirePermission } from '@soc/auth';
import { EventPage, EventSearchQuery } from './event-search';
import { EventsSearchRepository } from './events-search.repository';

@ApiTags('events')
@ApiBearerAuth()
@Controller('api/v1/events')
export class EventsController {
  constructor(private readonly events: EventsSearchRepository) {}

  @Get()
  @RequirePermission(Permission.EventsRead)
  @ApiOperation({ summary: 'Sự kiện — search stored security events (newest first), within the caller\'s agencies' })
  @ApiOkResponse({ type: EventPage })
  search(@Query() query: EventSearchQuery, @CurrentPrincipal() principal: Principal): Promise<EventPage> {
    return this.events.search(principal.scope, query);
  }
}
