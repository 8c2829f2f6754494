import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { parseTlp, TLP_LEVELS, type TlpLevel } from './tlp';

export class ExportQuery {
  @ApiPropertyOptional({ enum: TLP_LEVELS, default: 'amber', description: 'TLP 2.0 label the export is marked with (send amber+strict as amber%2Bstrict)' })
  @IsOptional()
  // An unknown label stays as given so that validation names it in the 400.
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? (parseTlp(value) ?? value) : value))
  @IsIn(TLP_LEVELS, { message: `tlp must be one of: ${TLP_LEVELS.join(', ')}` })
  tlp?: TlpLevel;
}
