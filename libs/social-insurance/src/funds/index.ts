export { validateContributionMonths } from './contribution-months.validator';
export * from './duplicate-months.resolver';
export * from './funds.types';
export { MAX_ACCOUNT_BALANCE_FEN, MAX_CONTRIBUTION_MONTHS, MAX_MONTHLY_BASE_FEN, monthFromIndex, monthIndex } from './funds.validation';
export * from './medical-transfer.calculator';
export * from './pension-collection.rule';
export * from './pension-transfer.calculator';
export * from './transfer-policy.loader';
