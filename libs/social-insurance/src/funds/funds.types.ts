/** Money is always an integer number of fen (分, 0.01 yuan); never a float. */
export type Fen = number;

/** One month of the contribution certificate (参保缴费凭证). */
export interface ContributionMonth {
  /** YYYY-MM */
  readonly month: string;
  /** Monthly contribution base (缴费工资基数), integer fen. */
  readonly baseFen: Fen;
}

/** The pension part of a contribution certificate, as issued by the outbound (转出地) agency. */
export interface PensionCertificate {
  /** Strictly ascending, no duplicates. */
  readonly months: readonly ContributionMonth[];
  /** Individual account balance (个人账户储存额, principal and interest), integer fen. */
  readonly accountBalanceFen: Fen;
}

/** The medical part of a contribution certificate. */
export interface MedicalCertificate {
  /** Individual account balance (个人账户余额), integer fen. */
  readonly accountBalanceFen: Fen;
  /** Accumulated contribution years (累计缴费年限); may be fractional, e.g. 7.5. */
  readonly contributionYears: number;
}

export interface ContributionCertificate {
  readonly pension: PensionCertificate;
  readonly medical: MedicalCertificate;
}
