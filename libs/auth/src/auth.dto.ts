import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Role, ROLES } from './permissions';

export class LoginRequest {
  @ApiProperty({ example: 'admin' }) @IsString() @MinLength(1) @MaxLength(64) username!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(256) password!: string;
}

/** The refresh token is this route's credential: a missing or malformed one is a 401, like any other. */
export class RefreshRequest {
  @ApiProperty() @IsOptional() @IsString() @MaxLength(200) refreshToken?: string;
}

export class TokenResponse {
  @ApiProperty({ description: 'Short-lived bearer token for API calls and /ws' }) accessToken!: string;
  @ApiProperty({ description: 'Exchange at /api/v1/auth/refresh; rotated on every use' }) refreshToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;
const AGENCY_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export class CreateUserRequest {
  @ApiProperty({ example: 'nguyen.van.a' }) @IsString() @Matches(USERNAME) username!: string;
  @ApiProperty({ example: 'Nguyễn Văn A' }) @IsString() @MinLength(1) @MaxLength(200) displayName!: string;
  @ApiProperty() @IsString() @MaxLength(256) password!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) @IsArray() @ArrayMaxSize(6) @IsIn(ROLES, { each: true }) roles!: Role[];
  @ApiProperty({ type: [String], description: 'Agencies an agency_it user may see' })
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(AGENCY_ID, { each: true })
  agencyIds!: string[];
}

export class SetRolesRequest {
  @ApiProperty({ enum: ROLES, isArray: true }) @IsArray() @ArrayMaxSize(6) @IsIn(ROLES, { each: true }) roles!: Role[];
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(100) @Matches(AGENCY_ID, { each: true }) agencyIds!: string[];
}

export class UserView {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ type: [String] }) agencyIds!: string[];
  @ApiProperty({ nullable: true, type: String }) lockedUntil!: string | null;
  @ApiProperty() createdAt!: string;
}
