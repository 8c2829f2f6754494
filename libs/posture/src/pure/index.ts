export * from './deadlines';
export * from './four-layers';
export * from './kpis';
export * from './regimes';
