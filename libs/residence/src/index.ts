export * from './residence.types';
export * from './permit.service';
export * from './residence.module';
