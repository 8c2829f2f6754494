export * from './alert-finding';
export * from './content/detection-content';
export * from './content/rule-info';
export * from './engine/detection-context';
export * from './engine/detection-engine';
export * from './engine/detection-state';
export * from './stored-event';
export * from './offline';
