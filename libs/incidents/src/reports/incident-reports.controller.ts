import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Permission, type Principal, RequirePermission } from '@soc/auth';
import { AcknowledgeReportRequestBody, EditReportRequestBody, ReportFormatQuery, ReportParams, SubmitReportRequestBody } from './incident-report.requests';
import { IncidentReportView, ReportSubmissionView, ReportVersionView } from './incident-report.view';
import { IncidentReportsService } from './incident-reports.service';

/** Reports of an incident to the national coordinator: initial, progress and closing. */
@ApiTags('incidents')
@ApiBearerAuth()
@Controller('api/v1/incidents/:id/reports/:kind')
export class IncidentReportsController {
  constructor(private readonly reports: IncidentReportsService) {}

  @Get()
  @RequirePermission(Permission.IncidentsRead)
  @ApiOperation({ summary: 'Báo cáo sự cố — the latest version as JSON, or as a Vietnamese PDF (format=pdf); a generated draft v1 if none was saved' })
  @ApiProduces('application/json', 'application/pdf')
  @ApiOkResponse({ type: IncidentReportView })
  async get(@Param() params: ReportParams, @Query() query: ReportFormatQuery, @CurrentPrincipal() principal: Principal): Promise<IncidentReportView | StreamableFile> {
    if (query.format !== 'pdf') return this.reports.get(principal, params);
    const { number, pdf } = await this.reports.pdf(principal, params);
    // The number has a slash and Vietnamese letters; the file name keeps to ASCII.
    const fileName = number.replace(/Đ/g, 'D').replace(/[^A-Za-z0-9-]+/g, '_');
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `inline; filename="${fileName}.pdf"` });
  }

  @Get('versions')
  @RequirePermission(Permission.IncidentsRead)
  @ApiOperation({ summary: 'Every version of the report, oldest first, with its submissions' })
  @ApiOkResponse({ type: [ReportVersionView] })
  versions(@Param() params: ReportParams, @CurrentPrincipal() principal: Principal): Promise<ReportVersionView[]> {
    return this.reports.versions(principal, params);
  }

  @Put()
  @RequirePermission(Permission.IncidentsManage)
  @ApiOperation({ summary: 'Edit OS/versions, purpose, confidentiality or recommendations: a new version (a sent version is frozen: 409)' })
  @ApiOkResponse({ type: IncidentReportView })
  edit(@Param() params: ReportParams, @Body() body: EditReportRequestBody, @CurrentPrincipal() principal: Principal): Promise<IncidentReportView> {
    return this.reports.edit(principal, params, body);
  }

  @Post('submit')
  @HttpCode(200)
  @RequirePermission(Permission.IncidentsManage)
  @ApiOperation({ summary: 'Record that the latest version was sent (to whom, how); an initial report stops the report clocks' })
  @ApiOkResponse({ type: IncidentReportView })
  submit(@Param() params: ReportParams, @Body() body: SubmitReportRequestBody, @CurrentPrincipal() principal: Principal): Promise<IncidentReportView> {
    return this.reports.submit(principal, params, body);
  }

  @Post('acknowledge')
  @HttpCode(200)
  @RequirePermission(Permission.IncidentsManage)
  @ApiOperation({ summary: "Record the recipient's acknowledgement of a submission" })
  @ApiOkResponse({ type: ReportSubmissionView })
  acknowledge(@Param() params: ReportParams, @Body() body: AcknowledgeReportRequestBody, @CurrentPrincipal() principal: Principal): Promise<ReportSubmissionView> {
    return this.reports.acknowledge(principal, params, body);
  }
}
