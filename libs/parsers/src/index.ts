export * from './format-parser';
export * from './parse-outcome';
export * from './parse-raw';
export * from './raw-envelope';
export * from './registry';
export * from './security-event';
export * from './time/zoned-time';
export * from './structured/concatenated-json';
export { isoString, isoStringAt, isoStringMs } from './time/iso-string';
