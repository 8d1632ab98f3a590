export * from './errors.codes';
export * from './errors.caught';
