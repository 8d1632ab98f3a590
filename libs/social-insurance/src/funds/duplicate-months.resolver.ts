import { DomainError, ErrorCode } from '@tongban/errors';
import { ContributionMonth, Fen } from './funds.types';
import { monthFromIndex, requireMonthIndex } from './funds.validation';
import { IndividualAccountRate } from './transfer-policy.loader';

/** A month, or anything carrying one (e.g. a ContributionMonth). */
export type MonthLike = string | { readonly month: string };

/** The two sides of a transfer. */
export type TransferSide = 'inbound' | 'outbound';

/** The rule applied to months contributed in both regions (重复缴费), and where it comes from. */
export const DUPLICATE_MONTHS_RULE =
  'one relation is kept for the months contributed in both regions, agreed with the person; the other side clears its ' +
  'contributions for them: its individual-account share is refunded to the person and the months are not counted twice';
export const DUPLICATE_MONTHS_SOURCE =
  '人社部《关于贯彻落实国务院办公厅转发城镇企业职工基本养老保险关系转移接续暂行办法的通知》(2009-12-30) 三 ' +
  '(多重养老保险关系: 协商保留其一, 同期其他关系清理, 个人账户储存额退还本人, 缴费年限不重复计算); ' +
  '人社部《城镇企业职工基本养老保险关系转移接续若干具体问题意见》(2010-09-26) 第十条 (先转后清, 由转入地清理)';

/** Months contributed in both regions at once (重复缴费): which side keeps them and which side clears them. */
export interface DuplicateResolution {
  readonly kept: TransferSide;
  /** The side that clears its contributions for the months and refunds their individual-account share. */
  readonly refundBy: TransferSide;
  /** YYYY-MM, ascending, unique. */
  readonly months: readonly string[];
  readonly rule: string;
  readonly source: string;
  readonly explanation: string;
}

function indices(months: readonly MonthLike[]): Set<number> {
  return new Set(months.map((m) => requireMonthIndex(typeof m === 'string' ? m : m.month)));
}

/** Months present in both the outbound and the inbound contribution records, ascending and unique. */
export function detectDuplicateMonths(outboundMonths: readonly MonthLike[], inboundMonths: readonly MonthLike[]): string[] {
  const inbound = indices(inboundMonths);
  return [...indices(outboundMonths)]
    .filter((i) => inbound.has(i))
    .sort((a, b) => a - b)
    .map(monthFromIndex);
}

/**
 * Decision for duplicate contribution months. `kept` is the side whose relation is kept for them, agreed by the
 * inbound region with the person (the inbound region clears duplicates, 先转后清); the other side clears them:
 *  - kept by the INBOUND region: the outbound region's months are cleared before the funds move — left out of the
 *    pooled part, and their individual-account share deducted from the balance moved and refunded to the person
 *    by the outbound region (see individualAccountShare);
 *  - kept by the OUTBOUND region: every certified month moves; the inbound region clears its own months once the
 *    transfer is done and refunds their share from its own records (the gateway does not hold its bases).
 */
export function resolveDuplicates(
  outboundMonths: readonly MonthLike[],
  inboundMonths: readonly MonthLike[],
  kept: TransferSide = 'inbound',
): DuplicateResolution {
  const months = detectDuplicateMonths(outboundMonths, inboundMonths);
  const refundBy: TransferSide = kept === 'inbound' ? 'outbound' : 'inbound';
  const range = months.length === 0 ? '' : ` (${months[0]}..${months[months.length - 1]})`;
  const explanation =
    months.length === 0
      ? 'no month was contributed in both regions'
      : kept === 'inbound'
        ? `${months.length} month(s) contributed in both regions${range}: the inbound region keeps them; the outbound region ` +
          'clears them, leaves them out of the pooled part and refunds their individual-account share to the person, ' +
          'deducted from the balance moved'
        : `${months.length} month(s) contributed in both regions${range}: the outbound region's months move with the ` +
          'transfer; the inbound region clears its own contributions for them after the transfer and refunds their ' +
          'individual-account share to the person';
  return { kept, refundBy, months, rule: DUPLICATE_MONTHS_RULE, source: DUPLICATE_MONTHS_SOURCE, explanation };
}

export interface RefundedMonthShare {
  readonly month: string;
  readonly baseFen: Fen;
  readonly ratePermille: number;
  /** round half-up (base × rate), integer fen */
  readonly shareFen: Fen;
}

export interface IndividualAccountShare {
  readonly months: readonly RefundedMonthShare[];
  readonly totalFen: Fen;
}

/**
 * The individual-account share (个人账户) of contribution months: each month's base × the account rate in force
 * that month (policy `individualAccountRates`), rounded half-up to the fen per month, summed exactly. Principal
 * only: the certificate carries no per-month interest. A month before the first rate cannot be priced: refused
 * (RuleViolated) rather than guessed.
 */
export function individualAccountShare(
  months: readonly ContributionMonth[],
  rates: readonly IndividualAccountRate[] | undefined,
  pointer = '/body/months',
): IndividualAccountShare {
  let total = 0n;
  const priced = months.map(({ month, baseFen }) => {
    const rate = [...(rates ?? [])].reverse().find((r) => r.from <= month);
    if (!rate) {
      throw new DomainError(
        ErrorCode.RuleViolated,
        `${pointer}: the individual-account share of ${month} cannot be priced: the transfer policy has no account rate ` +
          `before ${rates?.[0]?.from ?? 'any month'}; the agencies settle this refund between them`,
        { field: pointer, month },
      );
    }
    const share = (BigInt(baseFen) * BigInt(rate.ratePermille) + 500n) / 1000n;
    total += share;
    return { month, baseFen, ratePermille: rate.ratePermille, shareFen: Number(share) };
  });
  return { months: priced, totalFen: Number(total) };
}
