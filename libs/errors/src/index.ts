export * from './errors.codes';
