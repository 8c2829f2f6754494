export * from './classification-facts';
export * from './level-criteria';
export * from './level-suggestion';
