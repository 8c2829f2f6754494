import { Body, Controller, Delete, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Permission, type Principal, RequirePermission } from '@soc/auth';
import { type AnnualReport, type KpiReport, PostureReports } from './posture-reports.service';
import { type AssessmentRow, type MonitoringServiceRow, type VulnerabilityRow } from './posture.repository';
import { PostureService } from './posture.service';
import { AnnualReportQuery, AssessmentRequest, HistoryQuery, MonitoringServiceRequest, SystemPostureView, VulnerabilityImportRequest } from './posture.view';

const SYSTEM_ID = 'id';

@ApiTags('posture')
@ApiBearerAuth()
@Controller('api/v1')
export class PostureController {
  constructor(
    private readonly posture: PostureService,
    private readonly reports: PostureReports,
  ) {}

  @Get('systems/:id/posture')
  @RequirePermission(Permission.SystemsRead)
  @ApiOperation({ summary: 'Tình trạng bảo đảm ATTT — level and dossier, requirements, the four layers with reasons, incidents, sources, vulnerabilities, deadlines' })
  @ApiOkResponse({ type: SystemPostureView })
  ofSystem(@Param(SYSTEM_ID) id: string, @CurrentPrincipal() principal: Principal): Promise<SystemPostureView> {
    return this.posture.ofSystem(principal, id);
  }

  @Get('posture/systems')
  @RequirePermission(Permission.SystemsRead)
  @ApiOperation({ summary: 'The posture of every system the caller may see' })
  @ApiOkResponse({ type: [SystemPostureView] })
  list(@CurrentPrincipal() principal: Principal): Promise<SystemPostureView[]> {
    return this.posture.list(principal);
  }

  @Get('posture/kpis')
  @RequirePermission(Permission.SystemsRead)
  @ApiOperation({ summary: 'KPIs: % approved level, % fully implemented, % with all four layers ok, % of level 3+ assessed in the cycle (over the systems the caller may see)' })
  kpis(@CurrentPrincipal() principal: Principal): Promise<KpiReport> {
    return this.reports.kpis(principal.scope);
  }

  @Get('posture/kpis/history')
  @RequirePermission(Permission.SystemsRead)
  @ApiOperation({ summary: 'Daily KPI snapshots, for trends' })
  history(@Query() query: HistoryQuery, @CurrentPrincipal() principal: Principal) {
    return this.reports.history(principal, query.from, query.to);
  }

  @Get('posture/reports/annual')
  @RequirePermission(Permission.SystemsRead)
  @ApiOperation({ summary: 'The annual security-level report (data period 15 Dec – 14 Dec) as JSON or a printable Vietnamese document' })
  async annual(@Query() query: AnnualReportQuery, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response): Promise<AnnualReport | string> {
    const report = await this.reports.annual(principal, query.year);
    if (query.format !== 'html') return report;
    res.type('text/html; charset=utf-8');
    return this.reports.renderHtml(report);
  }

  @Get('agencies/:id/monitoring-services')
  @RequirePermission(Permission.AgenciesRead)
  @ApiOperation({ summary: 'Layer 2: own SOC or contracted monitoring providers of an agency' })
  monitoring(@Param('id') agencyId: string, @CurrentPrincipal() principal: Principal): Promise<MonitoringServiceRow[]> {
    return this.posture.monitoringServices(principal, agencyId);
  }

  @Post('agencies/:id/monitoring-services')
  @RequirePermission(Permission.SystemsManage)
  addMonitoring(@Param('id') agencyId: string, @Body() body: MonitoringServiceRequest, @CurrentPrincipal() principal: Principal): Promise<MonitoringServiceRow> {
    return this.posture.addMonitoringService(principal, agencyId, body);
  }

  @Delete('agencies/:id/monitoring-services/:serviceId')
  @HttpCode(204)
  @Header('Cache-Control', 'no-store')
  @RequirePermission(Permission.SystemsManage)
  removeMonitoring(@Param('id') agencyId: string, @Param('serviceId', ParseUUIDPipe) serviceId: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.posture.removeMonitoringService(principal, agencyId, serviceId);
  }

  @Get('systems/:id/assessments')
  @RequirePermission(Permission.SystemsRead)
  @ApiOperation({ summary: 'Layer 3: independent periodic assessments of a system' })
  assessments(@Param(SYSTEM_ID) id: string, @CurrentPrincipal() principal: Principal): Promise<AssessmentRow[]> {
    return this.posture.assessments(principal, id);
  }

  @Post('systems/:id/assessments')
  @RequirePermission(Permission.SystemsManage)
  addAssessment(@Param(SYSTEM_ID) id: string, @Body() body: AssessmentRequest, @CurrentPrincipal() principal: Principal): Promise<AssessmentRow> {
    return this.posture.addAssessment(principal, id, body);
  }

  @Get('systems/:id/vulnerabilities')
  @RequirePermission(Permission.SystemsRead)
  vulnerabilities(@Param(SYSTEM_ID) id: string, @CurrentPrincipal() principal: Principal): Promise<VulnerabilityRow[]> {
    return this.posture.vulnerabilities(principal, id);
  }

  @Post('systems/:id/vulnerabilities')
  @HttpCode(200)
  @RequirePermission(Permission.SystemsManage)
  @ApiOperation({ summary: 'Import scanner findings (upsert by reference, e.g. a CVE id)' })
  importVulnerabilities(@Param(SYSTEM_ID) id: string, @Body() body: VulnerabilityImportRequest, @CurrentPrincipal() principal: Principal): Promise<{ created: number; updated: number }> {
    return this.posture.importVulnerabilities(principal, id, body.items);
  }
}
