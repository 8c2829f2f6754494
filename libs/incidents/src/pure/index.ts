export * from './grouping-keys';
export * from './observables';
export * from './priority';
export * from './serious-incident';
export * from './sla';
export * from './workflow';
