import { Fen, MedicalCertificate } from './funds.types';
import { checkFen, FieldErrors, MAX_ACCOUNT_BALANCE_FEN } from './funds.validation';

export interface MedicalTransferResult {
  /** The individual account balance, transferred in full (no pooled part moves with a medical relation). */
  readonly transferFen: Fen;
  readonly accountBalanceFen: Fen;
  /** Accumulated contribution years, carried over and added up in the inbound region. */
  readonly contributionYears: number;
}

/** Funds transferred with an employee basic medical insurance relation: the individual account balance. */
export function computeMedicalTransfer(cert: MedicalCertificate, pointer = '/body'): MedicalTransferResult {
  const errors = new FieldErrors();
  checkFen(errors, `${pointer}/accountBalanceFen`, cert.accountBalanceFen, 0, MAX_ACCOUNT_BALANCE_FEN);
  const years: unknown = cert.contributionYears;
  if (typeof years !== 'number' || !Number.isFinite(years) || years < 0 || years > 100) {
    errors.add(`${pointer}/contributionYears`, 'must be a number of years between 0 and 100');
  }
  errors.throwIfAny('invalid medical certificate');
  return {
    transferFen: cert.accountBalanceFen,
    accountBalanceFen: cert.accountBalanceFen,
    contributionYears: cert.contributionYears,
  };
}
