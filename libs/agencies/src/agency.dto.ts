import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { AGENCY_KINDS, type AgencyKind } from './agency';

export const AGENCY_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const PHONE = /^\+?[0-9][0-9 ().-]{5,24}$/;
const MAX_CONTACTS = 20;

/** Present (not undefined): null is then refused by the validators that follow, unlike with IsOptional. */
const isGiven = (_: object, value: unknown) => value !== undefined;

export class ContactDto {
  @ApiProperty({ example: 'Nguyễn Văn An' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiPropertyOptional({ example: 'Phó Giám đốc' }) @IsOptional() @IsString() @MaxLength(200) position?: string;

  // A focal contact nobody can reach is no contact: a phone or an email is required.
  @ApiPropertyOptional({ example: '+84 912 345 678' })
  @ValidateIf((contact: ContactDto) => contact.phone !== undefined || contact.email === undefined)
  @IsString({ message: 'phone or email is required (cần số điện thoại hoặc email)' })
  @Matches(PHONE, { message: 'phone must be digits, spaces and + ( ) . - (6–25 characters)' })
  phone?: string;

  @ApiPropertyOptional({ example: 'an.nv@tinh.gov.vn' }) @IsOptional() @IsEmail() @MaxLength(254) email?: string;
}

export class SecurityUnitDto {
  @ApiProperty({ example: 'Phòng An toàn thông tin' }) @IsString() @MinLength(1) @MaxLength(300) name!: string;
  @ApiPropertyOptional({ example: 'QĐ 123/QĐ-UBND ngày 01/03/2025', description: 'Decision designating the unit' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  decisionRef?: string;

  @ApiProperty({ type: [ContactDto] })
  @IsArray()
  @ArrayMaxSize(MAX_CONTACTS)
  @ValidateNested({ each: true })
  @Type(() => ContactDto)
  contacts!: ContactDto[];
}

export class UpdateAgencyRequest {
  @ApiPropertyOptional({ example: 'Sở Khoa học và Công nghệ' }) @ValidateIf(isGiven) @IsString() @MinLength(1) @MaxLength(300) name?: string;
  @ApiPropertyOptional({ enum: AGENCY_KINDS }) @ValidateIf(isGiven) @IsIn(AGENCY_KINDS) kind?: AgencyKind;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Cấp trên (parent agency); null: none' })
  @IsOptional()
  @IsString()
  @Matches(AGENCY_ID)
  parentId?: string | null;

  @ApiPropertyOptional({ type: [ContactDto], description: 'Đầu mối ứng cứu sự cố (incident-response focal contacts)' })
  @ValidateIf(isGiven)
  @IsArray()
  @ArrayMaxSize(MAX_CONTACTS)
  @ValidateNested({ each: true })
  @Type(() => ContactDto)
  irContacts?: ContactDto[];

  @ApiPropertyOptional({ type: SecurityUnitDto, nullable: true, description: 'Lớp 1: đơn vị chuyên trách ATTT tại chỗ (layer 1: on-site security unit)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SecurityUnitDto)
  securityUnit?: SecurityUnitDto | null;
}

/** Like an update, with the id and name required (validators are not inherited: a conditional on `name` would skip them). */
export class CreateAgencyRequest {
  @ApiProperty({ example: 'so-tttt', description: 'Short stable id (lower case)' }) @IsString() @Matches(AGENCY_ID) id!: string;
  @ApiProperty({ example: 'Sở Thông tin và Truyền thông' }) @IsString() @MinLength(1) @MaxLength(300) name!: string;
  @ApiPropertyOptional({ enum: AGENCY_KINDS, default: 'department' }) @IsOptional() @IsIn(AGENCY_KINDS) kind?: AgencyKind;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @Matches(AGENCY_ID) parentId?: string | null;

  @ApiPropertyOptional({ type: [ContactDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CONTACTS)
  @ValidateNested({ each: true })
  @Type(() => ContactDto)
  irContacts?: ContactDto[];

  @ApiPropertyOptional({ type: SecurityUnitDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SecurityUnitDto)
  securityUnit?: SecurityUnitDto | null;
}

export class AgencyView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: AGENCY_KINDS }) kind!: string;
  @ApiProperty({ nullable: true, type: String }) parentId!: string | null;
  @ApiProperty({ type: [ContactDto] }) irContacts!: ContactDto[];
  @ApiProperty({ type: SecurityUnitDto, nullable: true }) securityUnit!: SecurityUnitDto | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

/** What a CSV import did (agencies and systems alike). */
export class CsvImportSummaryView {
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty({ description: 'Rows identical to what was stored: nothing written' }) unchanged!: number;
}
