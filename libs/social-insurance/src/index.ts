export * from './funds';
export * from './transfer.types';
export * from './transfer.deadlines';
export * from './transfer.certificate';
export * from './transfer.service';
export * from './transfer-query.service';
export * from './transfer-clock.service';
export * from './social-insurance.module';
