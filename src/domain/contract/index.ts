export * from './common';
export * from './programme';
export * from './consortium';
export * from './milestone';
export * from './kpi';
export * from './reporting';
export * from './portfolio';
export * from './routes';
