export * from './define';
export * from './queue';
export * from './worker';
export { JOBS } from './registry';
