import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

const ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export class CreateSystemRequest {
  @ApiProperty({ example: 'dvc-tinh', description: 'Short stable id (lower case)' }) @IsString() @Matches(ID) id!: string;
  @ApiProperty({ example: 'so-tttt' }) @IsString() @Matches(ID) agencyId!: string;
  @ApiProperty({ example: 'Cổng dịch vụ công tỉnh' }) @IsString() @MinLength(1) @MaxLength(300) name!: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 5, nullable: true, type: Number, description: 'Cấp độ an toàn đã được phê duyệt (approved security level)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  securityLevel?: number | null;
}

export class UpdateSystemRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(300) name?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 5, nullable: true, type: Number, description: 'null: no approved level' })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  securityLevel?: number | null;
}

export class AddAssetRequest {
  @ApiProperty({ example: '10.20.0.0/24', description: 'An IP address, a CIDR network, a host name or a URL (its host name is kept)' })
  @IsString()
  @MinLength(1)
  @MaxLength(2048)
  value!: string;
}

export class SystemView {
  @ApiProperty() id!: string;
  @ApiProperty() agencyId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: Number }) securityLevel!: number | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class AssetView {
  @ApiProperty() id!: string;
  @ApiProperty() systemId!: string;
  @ApiProperty({ enum: ['network', 'hostname'] }) kind!: string;
  @ApiProperty({ example: '10.20.0.0/24' }) value!: string;
  @ApiProperty() createdAt!: string;
}
