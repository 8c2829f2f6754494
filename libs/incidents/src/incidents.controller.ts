import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Permission, type Principal, RequirePermission } from '@soc/auth';
import { EventPage } from '@soc/events';
import { ListIncidentsQuery } from './incident-list';
import {
  AddTaskRequestBody,
  AssignRequestBody,
  BulkRequestBody,
  BulkResultView,
  CommentRequestBody,
  IncidentEventsQuery,
  MergeRequestBody,
  MetricsQuery,
  SetSeriousRequestBody,
  SplitRequestBody,
  TransitionRequestBody,
  UpdateIncidentRequestBody,
  UpdateTaskRequestBody,
} from './incident.requests';
import { IncidentDetail, IncidentPage, IncidentSummary, ResponseMetricsView, TaskView } from './incident.view';
import { IncidentsService } from './incidents.service';

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('api/v1/incidents')
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @Get()
  @RequirePermission(Permission.IncidentsRead)
  @ApiOperation({ summary: 'Sự cố — incidents the caller may see, filtered, sorted, with cursor pagination' })
  @ApiOkResponse({ type: IncidentPage })
  list(@Query() query: ListIncidentsQuery, @CurrentPrincipal() principal: Principal): Promise<IncidentPage> {
    return this.incidents.list(principal, query);
  }

  @Get('metrics')
  @RequirePermission(Permission.IncidentsRead)
  @ApiOperation({ summary: 'MTTA and MTTR per priority and per agency over incidents opened in a period' })
  @ApiOkResponse({ type: ResponseMetricsView })
  metrics(@Query() query: MetricsQuery, @CurrentPrincipal() principal: Principal): Promise<ResponseMetricsView> {
    return this.incidents.metrics(principal, query);
  }

  @Post('bulk')
  @HttpCode(200)
  @RequirePermission(Permission.IncidentsManage)
  @ApiOperation({ summary: 'Acknowledge, assign or close as false positive several incidents; a result per incident' })
  @ApiOkResponse({ type: [BulkResultView] })
  bulk(@Body() body: BulkRequestBody, @CurrentPrincipal() principal: Principal): Promise<BulkResultView[]> {
    return this.incidents.bulk(principal, body);
  }

  @Get(':id')
  @RequirePermission(Permission.IncidentsRead)
  @ApiOperation({ summary: 'An incident with its alerts, observables, tasks and timeline' })
  @ApiOkResponse({ type: IncidentDetail })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<IncidentDetail> {
    return this.incidents.detail(principal, id);
  }

  @Get(':id/events')
  @RequirePermission(Permission.IncidentsRead)
  @ApiOperation({ summary: "The events behind the incident's alerts, newest first, paged" })
  @ApiOkResponse({ type: EventPage })
  events(@Param('id', ParseUUIDPipe) id: string, @Query() query: IncidentEventsQuery, @CurrentPrincipal() principal: Principal): Promise<EventPage> {
    return this.incidents.events(principal, id, query);
  }

  @Patch(':id')
  @RequirePermission(Permission.IncidentsManage)
  @ApiOperation({ summary: 'Change the title or the observed effects (which drive the serious flag)' })
  @ApiOkResponse({ type: IncidentSummary })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateIncidentRequestBody, @CurrentPrincipal() principal: Principal): Promise<IncidentSummary> {
    return this.incidents.update(principal, id, body);
  }

  @Post(':id/transition')
  @HttpCode(200)
  @RequirePermission(Permission.IncidentsManage)
  @ApiOperation({ summary: 'Move through the workflow: new → acknowledged → investigating → contained → resolved → closed; reopen' })
  @ApiOkResponse({ type: IncidentSummary })
  transition(@Param('id', ParseUUIDPipe) id: string, @Body() body: TransitionRequestBody, @CurrentPrincipal() principal: Principal): Promise<IncidentSummary> {
    return this.incidents.transition(principal, id, body);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @RequirePermission(Permission.IncidentsManage)
  @ApiOkResponse({ type: IncidentSummary })
  assign(@Param('id', ParseUUIDPipe) id: string, @Body() body: AssignRequestBody, @CurrentPrincipal() principal: Principal): Promise<IncidentSummary> {
    return this.incidents.assign(principal, id, body.assigneeId);
  }

  @Post(':id/comments')
  @RequirePermission(Permission.IncidentsManage)
  @ApiOkResponse({ type: IncidentSummary })
  comment(@Param('id', ParseUUIDPipe) id: string, @Body() body: CommentRequestBody, @CurrentPrincipal() principal: Principal): Promise<IncidentSummary> {
    return this.incidents.comment(principal, id, body.text);
  }

  @Post(':id/serious')
  @HttpCode(200)
  @RequirePermission(Permission.IncidentsManage)
  @ApiOperation({ summary: 'Set the serious-incident flag by hand with a reason, or return it to computed (null)' })
  @ApiOkResponse({ type: IncidentSummary })
  serious(@Param('id', ParseUUIDPipe) id: string, @Body() body: SetSeriousRequestBody, @CurrentPrincipal() principal: Principal): Promise<IncidentSummary> {
    return this.incidents.setSerious(principal, id, body);
  }

  @Post(':id/tasks')
  @RequirePermission(Permission.IncidentsManage)
  @ApiOkResponse({ type: TaskView })
  addTask(@Param('id', ParseUUIDPipe) id: string, @Body() body: AddTaskRequestBody, @CurrentPrincipal() principal: Principal): Promise<TaskView> {
    return this.incidents.addTask(principal, id, body);
  }

  @Patch(':id/tasks/:taskId')
  @RequirePermission(Permission.IncidentsManage)
  @ApiOkResponse({ type: TaskView })
  updateTask(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('taskId', ParseUUIDPipe) taskId: string,
    @Body() body: UpdateTaskRequestBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TaskView> {
    return this.incidents.updateTask(principal, id, taskId, body);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @RequirePermission(Permission.IncidentsManage)
  @ApiOperation({ summary: 'Fold other incidents of the same agency into this one (they close as duplicates)' })
  @ApiOkResponse({ type: IncidentSummary })
  merge(@Param('id', ParseUUIDPipe) id: string, @Body() body: MergeRequestBody, @CurrentPrincipal() principal: Principal): Promise<IncidentSummary> {
    return this.incidents.merge(principal, id, body);
  }

  @Post(':id/split')
  @RequirePermission(Permission.IncidentsManage)
  @ApiOperation({ summary: 'Move some alerts to a new incident; returns the new incident' })
  @ApiOkResponse({ type: IncidentSummary })
  split(@Param('id', ParseUUIDPipe) id: string, @Body() body: SplitRequestBody, @CurrentPrincipal() principal: Principal): Promise<IncidentSummary> {
    return this.incidents.split(principal, id, body);
  }
}
