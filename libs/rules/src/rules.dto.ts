import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsISO8601, IsOptional, IsString, IsTimeZone, Matches, MaxLength, MinLength } from 'class-validator';

const AGENCY_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export class SaveRuleRequest {
  @ApiProperty({ description: 'The rule as Sigma YAML (a detection rule, or a correlation with the rules it needs)' })
  @IsString()
  @MinLength(10)
  @MaxLength(200_000)
  yaml!: string;
}

export class SwitchRuleRequest {
  @ApiProperty() @IsBoolean() enabled!: boolean;
  @ApiPropertyOptional({ description: 'Only for this agency (absent: every agency)' }) @IsOptional() @Matches(AGENCY_ID) agencyId?: string;
}

export class AddExceptionRequest {
  @ApiProperty({ example: 'source.ip', description: 'Event field (or a correlation group-by field)' }) @IsString() @MinLength(1) @MaxLength(200) field!: string;
  @ApiProperty({ type: [String], example: ['10.0.5.20'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  values!: string[];
  @ApiProperty({ example: 'Máy quét lỗ hổng của Sở (the department vulnerability scanner)' }) @IsString() @MinLength(1) @MaxLength(1000) reason!: string;
  @ApiPropertyOptional() @IsOptional() @Matches(AGENCY_ID) agencyId?: string;
  @ApiPropertyOptional({ description: 'ISO 8601; absent: until removed' }) @IsOptional() @IsISO8601({ strict: true }) expiresAt?: string;
}

export class TestRulesRequest {
  @ApiProperty({ type: [String], description: 'Raw log lines, as a source would send them, in arrival order' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @MaxLength(64 * 1024, { each: true })
  lines!: string[];
  @ApiPropertyOptional({ example: 'Asia/Ho_Chi_Minh' }) @IsOptional() @IsTimeZone() timeZone?: string;
}

export class RuleView {
  @ApiProperty() ruleId!: string;
  @ApiPropertyOptional() sigmaId?: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['low', 'medium', 'high', 'critical'] }) severity!: string;
  @ApiProperty({ enum: ['detection', 'correlation'] }) kind!: string;
  @ApiProperty({ type: [String] }) tags!: readonly string[];
  @ApiPropertyOptional() author?: string;
  @ApiPropertyOptional({ description: 'File of the bundled ruleset, or db:<id>@v<version>' }) origin?: string;
  @ApiProperty({ description: 'On for agencies without their own switch' }) enabled!: boolean;
  @ApiProperty({ type: [String], description: 'Agencies with their own switch, and its value' }) agencySwitches!: Array<{ agencyId: string; enabled: boolean }>;
}
