export * from './alert-finding';
export * from './detector';
export * from './rules/ssh-brute-force.rule';
