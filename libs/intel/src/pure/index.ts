export * from './csv-import';
export * from './indicator';
export * from './intel-index';
export * from './manual-import';
export * from './normalize';
export * from './stix-import';
export * from './stix-pattern';
export * from './valid-until';
