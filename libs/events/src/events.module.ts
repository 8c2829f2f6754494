import { Module } from '@nestjs/common';
import { EventsSearchRepository } from './events-search.repository';

@Module({ providers: [EventsSearchRepository], exports: [EventsSearchRepository] })
export class EventsModule {}
