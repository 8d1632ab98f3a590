export * from './logging.module';
export * from './logging.redaction';
