import { monthFromIndex, requireMonthIndex } from './funds.validation';

/** A month, or anything carrying one (e.g. a ContributionMonth). */
export type MonthLike = string | { readonly month: string };

/** Months contributed in both regions at once (重复缴费), and which side refunds them. */
export interface DuplicateResolution {
  readonly kept: 'inbound';
  readonly refundBy: 'outbound';
  /** YYYY-MM, ascending, unique. */
  readonly months: readonly string[];
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
 * Decision for duplicate contribution months. Practice under the 2009 interim measures is that the region
 * where the person had the employment relation (劳动关系) for the month keeps it and the other refunds
 * (清退) it. The gateway cannot know the employment relation, so its rule is fixed and explicit: the INBOUND
 * region keeps the months; the OUTBOUND region refunds its duplicates, which are therefore left out of the
 * transfer and of the pooled-fund computation (pass `months` as computePensionTransfer's `excludeMonths`), so
 * no month is ever counted twice. Agencies may override the decision case by case.
 */
export function resolveDuplicates(outboundMonths: readonly MonthLike[], inboundMonths: readonly MonthLike[]): DuplicateResolution {
  const months = detectDuplicateMonths(outboundMonths, inboundMonths);
  const explanation =
    months.length === 0
      ? 'no month was contributed in both regions'
      : `${months.length} month(s) contributed in both regions (${months[0]}..${months[months.length - 1]}): ` +
        'the inbound region keeps them; the outbound region refunds its contributions for them and leaves them ' +
        'out of the transfer';
  return { kept: 'inbound', refundBy: 'outbound', months, explanation };
}
