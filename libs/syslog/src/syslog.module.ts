import { Module } from '@nestjs/common';
import { SyslogReceiver } from './syslog-receiver.service';

@Module({ providers: [SyslogReceiver], exports: [SyslogReceiver] })
export class SyslogModule {}
