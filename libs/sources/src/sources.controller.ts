import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsTimeZone, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { FORMAT_NAMES } from '@soc/parsers';
import { actorOf, CurrentPrincipal, Permission, type Principal, RequirePermission } from '@soc/auth';
import { SourceRecord, SourcesRepository } from './sources.repository';
import { IssuedKey, SourcesService } from './sources.service';

const SOURCE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export class CreateSourceRequest {
  @ApiProperty({ example: 'fw-so-tttt-01' }) @IsString() @Matches(SOURCE_ID) id!: string;
  @ApiProperty({ example: 'FortiGate Sở TT&TT' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiPropertyOptional({ example: 'so-tttt' }) @IsOptional() @IsString() @Matches(/^[a-z0-9][a-z0-9._-]{0,63}$/) agencyId?: string;
  @ApiPropertyOptional({ type: [String], example: ['203.0.113.0/24'], description: 'Addresses allowed to use the key (empty: any)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^[0-9a-fA-F:.]+(\/\d{1,3})?$/, { each: true })
  allowedIps?: string[];

  @ApiPropertyOptional({ enum: FORMAT_NAMES, description: 'Parse as this format instead of detecting it' })
  @IsOptional()
  @IsIn(FORMAT_NAMES)
  formatHint?: string;

  @ApiPropertyOptional({ example: 'Asia/Ho_Chi_Minh', description: "Zone of the source's clock, for timestamps without one" })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ minimum: 60, description: 'How often the source should report (seconds)' })
  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(30 * 86_400)
  expectedIntervalSeconds?: number;
}

export class SourceView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) agencyId!: string | null;
  @ApiProperty({ nullable: true, type: String }) apiKeyPrefix!: string | null;
  @ApiProperty({ type: [String] }) allowedIps!: string[];
  @ApiProperty({ nullable: true, type: String }) formatHint!: string | null;
  @ApiProperty({ nullable: true, type: String }) timeZone!: string | null;
  @ApiProperty({ nullable: true, type: Number }) expectedIntervalSeconds!: number | null;
  @ApiProperty({ nullable: true, type: String }) keyRotatedAt!: string | null;
  @ApiProperty() createdAt!: string;
}

export class IssuedKeyView {
  @ApiProperty() source!: SourceView;
  @ApiProperty({ description: 'Shown once; store it in the log shipper. Send as Authorization: Bearer <key> or X-Api-Key.' }) apiKey!: string;
}

@ApiTags('sources')
@ApiBearerAuth()
@Controller('api/v1/sources')
export class SourcesController {
  constructor(
    private readonly sources: SourcesRepository,
    private readonly service: SourcesService,
  ) {}

  @Get()
  @RequirePermission(Permission.SourcesRead)
  list(@CurrentPrincipal() principal: Principal): Promise<SourceRecord[]> {
    return this.sources.list(principal.scope);
  }

  @Post()
  @RequirePermission(Permission.SourcesManage)
  create(@Body() body: CreateSourceRequest, @CurrentPrincipal() principal: Principal): Promise<IssuedKey> {
    return this.service.create(actorOf(principal), body);
  }

  @Post(':id/api-key')
  @RequirePermission(Permission.SourcesManage)
  rotate(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<IssuedKey> {
    return this.service.rotateKey(actorOf(principal), id);
  }

  @Delete(':id/api-key')
  @RequirePermission(Permission.SourcesManage)
  @HttpCode(HttpStatus.NO_CONTENT)
  revoke(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.service.revokeKey(actorOf(principal), id);
  }
}
