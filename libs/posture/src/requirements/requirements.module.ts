import { Module } from '@nestjs/common';
import { RequirementsRepository } from './requirements.repository';
import { RequirementsService } from './requirements.service';

/** Requirements by level and level suggestion; the app mounts `RequirementsController` on api nodes. */
@Module({ providers: [RequirementsRepository, RequirementsService], exports: [RequirementsService] })
export class RequirementsModule {}
