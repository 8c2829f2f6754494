export * from './octet-framing';
export * from './syslog-receiver.service';
export * from './syslog.module';
export * from './tls-options';
