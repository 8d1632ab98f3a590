export * from './database';
export * from './database.migrator';
export * from './database.module';
export * from './database.periodic-job';
export * from './database.operator-reads';
