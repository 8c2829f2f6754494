export * from './cef';
export * from './create-channel';
export * from './kafka.channel';
export * from './national-channel';
export * from './rfc5424';
export * from './syslog.channel';
export * from './webhook-signature';
export * from './webhook.channel';
