import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import cron from 'node-cron';
import { AuditTrail } from '@soc/audit';
import { actorOf, CurrentPrincipal, Permission, type Principal, RequirePermission } from '@soc/auth';
import { CLOCK, type Clock, ErrorCode, localDay, SOC_CONFIG, type SocConfig, SocError } from '@soc/shared';
import { TransactionRunner } from '@soc/storage';
import { type PeriodicReportRecord } from './periodic-report';
import { PeriodicReports } from './periodic-reports.service';
import { REPORT_KINDS, reportPeriod, type ReportKind } from './pure';
import { reportCsv, reportPdf } from './report-renderers';
import { GenerateReportRequest, ListReportsQuery, ReportFormatQuery, SetScheduleRequest } from './reports.dto';
import { type ReportSchedule, ReportsRepository } from './reports.repository';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1/reports')
export class ReportsController {
  constructor(
    private readonly periodic: PeriodicReports,
    private readonly reports: ReportsRepository,
    private readonly audit: AuditTrail,
    private readonly transactions: TransactionRunner,
    @Inject(SOC_CONFIG) private readonly config: SocConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @RequirePermission(Permission.ReportsRead)
  @ApiOperation({ summary: 'Báo cáo định kỳ — periodic reports generated so far, newest first' })
  list(@Query() query: ListReportsQuery) {
    return this.reports.list(query.kind, query.limit);
  }

  @Post()
  @RequirePermission(Permission.ReportsManage)
  @ApiOperation({ summary: 'Generate a report now (the scheduled period, or a custom one); announced on the live feed' })
  async generate(@Body() body: GenerateReportRequest, @CurrentPrincipal() principal: Principal): Promise<PeriodicReportRecord> {
    if ((body.from === undefined) !== (body.to === undefined)) throw new SocError(ErrorCode.ValidationFailed, 'give both from and to, or neither');
    const period = body.from && body.to ? { from: body.from, to: body.to } : scheduledPeriod(body.kind, localDay(this.clock.now(), this.config.timeZone));
    return (await this.periodic.generate(body.kind, period, 'on_demand', actorOf(principal)))!;
  }

  @Get('schedules')
  @RequirePermission(Permission.ReportsRead)
  schedules(): Promise<ReportSchedule[]> {
    return this.reports.schedules();
  }

  @Put('schedules/:kind')
  @RequirePermission(Permission.ReportsManage)
  @ApiOperation({ summary: 'Change when a periodic report runs (node-cron expression in SOC_TIMEZONE); scheduler nodes pick it up within a minute' })
  setSchedule(@Param('kind') kind: string, @Body() body: SetScheduleRequest, @CurrentPrincipal() principal: Principal): Promise<ReportSchedule> {
    if (!(REPORT_KINDS as readonly string[]).includes(kind)) throw new SocError(ErrorCode.NotFound, `no such report kind: ${kind}`);
    if (!cron.validate(body.cron)) throw new SocError(ErrorCode.ValidationFailed, `cron: "${body.cron}" is not a valid cron expression`);
    return this.transactions.run(async (tx) => {
      const schedule = await this.reports.setSchedule(tx, kind as ReportKind, body.cron, body.enabled, actorOf(principal));
      await this.audit.record({ actor: actorOf(principal), action: 'reports.schedule_set', target: `report-schedule:${kind}`, agencyId: null, details: { cron: body.cron, enabled: body.enabled } }, tx);
      return schedule;
    });
  }

  @Get(':id')
  @RequirePermission(Permission.ReportsRead)
  @ApiOperation({ summary: 'A report as JSON, CSV (Excel-ready) or a Vietnamese PDF' })
  async get(@Param('id', ParseUUIDPipe) id: string, @Query() query: ReportFormatQuery, @Res({ passthrough: true }) res: Response): Promise<PeriodicReportRecord | string | StreamableFile> {
    const report = await this.periodic.get(id);
    const name = `bao-cao-${report.kind}-${report.periodFrom}`;
    if (query.format === 'csv') {
      res.type('text/csv; charset=utf-8').attachment(`${name}.csv`);
      return reportCsv(report.content);
    }
    if (query.format === 'pdf') {
      res.type('application/pdf').attachment(`${name}.pdf`);
      return new StreamableFile(await reportPdf(report.content));
    }
    return report;
  }
}

function scheduledPeriod(kind: ReportKind, today: string) {
  try {
    return reportPeriod(kind, today);
  } catch (error) {
    throw new SocError(ErrorCode.ValidationFailed, (error as Error).message);
  }
}
