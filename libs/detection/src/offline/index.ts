export * from './alert-view';
export * from './replay';
export * from './rule-files';
export * from './rule-fixtures';
