export * from './csv-reader';
export * from './csv-writer';
export * from './csv-table';
export * from './validate-row';
export * from './import-refusal';
export * from './csv-body';
