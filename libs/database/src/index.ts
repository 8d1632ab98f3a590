export * from './database';
export { pipeline } from './database.pipeline';
export type { Step } from './database.pipeline';
export * from './database.migrator';
export * from './database.module';
export * from './database.periodic-job';
export * from './database.operator-reads';
