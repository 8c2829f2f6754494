export * from './ip-address';
export * from './network-table';
