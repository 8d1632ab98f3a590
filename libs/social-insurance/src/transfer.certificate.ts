import { DomainError, ErrorCode, FieldError } from '@tongban/errors';
import {
  computeMedicalTransfer,
  computePensionTransfer,
  ContributionMonth,
  DuplicateResolution,
  individualAccountShare,
  InsuredPeriod,
  monthFromIndex,
  monthIndex,
  pensionCollectionRegion,
  resolveDuplicates,
  TransferPolicy,
  validateContributionMonths,
} from './funds';
import { CertificateCommand, StoredCertificate, StoredCollectionRegion, TransferFunds, TransferRecord } from './transfer.types';

export interface CertificateAssessment {
  certificate: StoredCertificate;
  duplicates: NonNullable<TransferRecord['duplicates']>;
  funds: TransferFunds;
  collectionRegion: StoredCollectionRegion | null;
}

/** Index of a month already checked to be YYYY-MM. */
const toIndex = (m: string): number => monthIndex(m) ?? Number.NaN;

function fail(errors: FieldError[], what: string): never {
  const [first] = errors;
  throw new DomainError(ErrorCode.ValidationFailed, `${what}: ${first.field} ${first.message}`, { field: first.field, errors });
}

/** Months already contributed in the inbound region: YYYY-MM, strictly ascending, none after this month. */
export function validateInboundMonths(months: readonly string[], today: string, pointer = '/body/inboundMonths'): void {
  const errors: FieldError[] = [];
  const current = today.slice(0, 7);
  months.forEach((m, i) => {
    if (monthIndex(m) === undefined) errors.push({ field: `${pointer}/${i}`, message: 'must be a month in YYYY-MM form' });
    else if (i > 0 && m <= months[i - 1])
      errors.push({ field: `${pointer}/${i}`, message: `must come after ${months[i - 1]} (months strictly ascending)` });
    else if (m > current) errors.push({ field: `${pointer}/${i}`, message: 'must not be in the future' });
  });
  if (errors.length > 0) fail(errors, 'invalid inbound months');
}

/** Earlier insured places on a pension certificate: chronological, not overlapping, all before its first month. */
function validatePriorPeriods(periods: readonly InsuredPeriod[], firstMonth: string): void {
  const errors: FieldError[] = [];
  periods.forEach((p, i) => {
    const at = `/body/priorPeriods/${i}`;
    if (p.to < p.from) errors.push({ field: `${at}/to`, message: 'must not be before from' });
    else if (i > 0 && p.from <= periods[i - 1].to)
      errors.push({ field: `${at}/from`, message: 'must come after the previous period (chronological, not overlapping)' });
    else if (p.to >= firstMonth) errors.push({ field: `${at}/to`, message: `must end before the certificate's first month ${firstMonth}` });
  });
  if (errors.length > 0) fail(errors, 'invalid prior periods');
}

/** Consecutive months of one region as periods. */
function runs(region: string, months: readonly string[]): InsuredPeriod[] {
  const out: InsuredPeriod[] = [];
  for (const m of months) {
    const last = out[out.length - 1];
    if (last && toIndex(m) === toIndex(last.to) + 1) out[out.length - 1] = { ...last, to: m };
    else out.push({ region, from: m, to: m });
  }
  return out;
}

/**
 * The pension collection region (国办发〔2009〕66号 Art. 6), for information: earlier places from the
 * certificate, the outbound months it keeps, and the inbound months, where the relation now is. When the
 * inbound region has no month yet (or not the latest), the relation counts there from the month after the
 * last contribution, the month the transfer establishes it.
 */
function collectionRegionOf(
  t: TransferRecord,
  cert: StoredCertificate,
  resolution: DuplicateResolution,
  policy: TransferPolicy,
): StoredCollectionRegion | null {
  if (t.hukouRegion === null) return null;
  // a duplicate month counts once, on the side that keeps it
  const cleared = new Set(resolution.months);
  const outbound = cert.months.map((m) => m.month).filter((m) => resolution.kept === 'outbound' || !cleared.has(m));
  const inbound = t.inboundMonths.filter((m) => resolution.kept === 'inbound' || !cleared.has(m));
  const periods = [...(cert.priorPeriods ?? []), ...runs(t.outboundRegion, outbound), ...runs(t.inboundRegion, inbound)].sort((a, b) =>
    a.from.localeCompare(b.from),
  );
  const last = periods[periods.length - 1];
  if (!last || last.region !== t.inboundRegion) {
    const next = monthFromIndex(Math.max(...periods.map((p) => toIndex(p.to))) + 1);
    periods.push({ region: t.inboundRegion, from: next, to: next });
  }
  try {
    const d = pensionCollectionRegion({ hukouRegion: t.hukouRegion, periods }, policy);
    return { region: d.region, rule: d.rule, explanation: d.explanation, monthsByRegion: { ...d.monthsByRegion } };
  } catch (error) {
    if (error instanceof DomainError) return null; // inconsistent history: no advice rather than a wrong one
    throw error;
  }
}

/**
 * Checks a contribution certificate and decides what moves. Duplicate months (重复缴费) are resolved as the
 * transfer's `duplicateMonthsKept` says (resolveDuplicates): when the inbound region keeps them, the outbound
 * months are cleared — left out of the pooled part and, for a pension, their individual-account share deducted
 * from the balance moved (the outbound region refunds it to the person) — so nothing is counted twice.
 * Throws DomainError(ValidationFailed / RuleViolated) with the JSON pointer of the offending field.
 */
export function assessCertificate(
  t: TransferRecord,
  cmd: CertificateCommand,
  today: string,
  policy: TransferPolicy,
): CertificateAssessment {
  validateContributionMonths(cmd.months, today, '/body/months');
  if (t.insuranceType === 'medical') {
    if (cmd.contributionYears === undefined)
      fail([{ field: '/body/contributionYears', message: 'is required for a medical transfer' }], 'invalid certificate');
    if (cmd.priorPeriods !== undefined)
      fail([{ field: '/body/priorPeriods', message: 'applies to pension transfers only' }], 'invalid certificate');
  } else {
    if (cmd.contributionYears !== undefined)
      fail([{ field: '/body/contributionYears', message: 'applies to medical transfers only' }], 'invalid certificate');
    validatePriorPeriods(cmd.priorPeriods ?? [], cmd.months[0].month);
  }
  const months: ContributionMonth[] = cmd.months.map((m) => ({ month: m.month, baseFen: m.baseFen }));
  const certificate: StoredCertificate = {
    months,
    accountBalanceFen: cmd.accountBalanceFen,
    ...(cmd.contributionYears !== undefined ? { contributionYears: cmd.contributionYears } : {}),
    ...(cmd.priorPeriods !== undefined ? { priorPeriods: cmd.priorPeriods } : {}),
    receivedOn: today,
  };
  const resolution = resolveDuplicates(months, t.inboundMonths, t.duplicateMonthsKept);
  // the outbound months cleared here (none when the outbound region keeps them: the inbound region clears its own)
  const cleared = new Set(resolution.kept === 'inbound' ? resolution.months : []);
  const decision = (refund: ReturnType<typeof individualAccountShare> | null): NonNullable<TransferRecord['duplicates']> => ({
    months: [...resolution.months],
    kept: resolution.kept,
    refundBy: resolution.refundBy,
    refundFen: refund?.totalFen ?? null,
    ...(refund ? { refundedShares: refund.months.map((m) => ({ ...m })) } : {}),
    rule: resolution.rule,
    source: resolution.source,
    explanation: resolution.explanation,
  });

  if (t.insuranceType === 'pension') {
    const refund = individualAccountShare(
      months.filter((m) => cleared.has(m.month)),
      policy.pension.individualAccountRates,
      '/body/months',
    );
    if (refund.totalFen > cmd.accountBalanceFen) {
      throw new DomainError(
        ErrorCode.RuleViolated,
        `/body/accountBalanceFen ${cmd.accountBalanceFen} fen is less than the individual-account share ${refund.totalFen} fen of the cleared duplicate months`,
        { field: '/body/accountBalanceFen' },
      );
    }
    const r = computePensionTransfer(certificate, policy, { excludeMonths: [...cleared], pointer: '/body' });
    const funds: TransferFunds = {
      transferFen: r.totalFen - refund.totalFen,
      accountBalanceFen: r.accountBalanceFen,
      refundedShareFen: refund.totalFen,
      pooledFen: r.pooledFen,
      years: r.years.map((y) => ({ ...y })),
      excludedMonths: r.excludedMonths.map((m) => ({ ...m })),
      pooledRatePermille: r.basis.pooledRatePermille,
      pooledStartYear: r.basis.pooledStartYear,
      rounding: r.basis.rounding,
      policyVersion: r.basis.policyVersion,
    };
    return {
      certificate,
      // priced when the outbound region clears (or nothing is duplicated); the inbound region prices its own months
      duplicates: decision(resolution.kept === 'inbound' || resolution.months.length === 0 ? refund : null),
      funds,
      collectionRegion: collectionRegionOf(t, certificate, resolution, policy),
    };
  }
  const years = cmd.contributionYears ?? 0;
  const r = computeMedicalTransfer({ accountBalanceFen: cmd.accountBalanceFen, contributionYears: years }, '/body');
  const funds: TransferFunds = {
    transferFen: r.transferFen,
    accountBalanceFen: r.accountBalanceFen,
    pooledFen: 0,
    years: [],
    excludedMonths: months.filter((m) => cleared.has(m.month)).map((m) => ({ ...m, reason: 'refunded-duplicate' as const })),
    contributionYears: r.contributionYears,
    creditedContributionMonths: Math.max(0, Math.round(r.contributionYears * 12) - cleared.size),
    policyVersion: policy.version,
  };
  // the medical account share of a month is set per pooling area: not priced by the gateway
  return {
    certificate,
    duplicates: decision(resolution.months.length === 0 ? { months: [], totalFen: 0 } : null),
    funds,
    collectionRegion: null,
  };
}
