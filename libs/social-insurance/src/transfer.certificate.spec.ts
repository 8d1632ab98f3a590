import { caughtDomainError, ErrorCode } from '@tongban/errors';
import fc from 'fast-check';
import { loadCurrentTransferPolicy } from './funds';
import { assessCertificate, validateInboundMonths } from './transfer.certificate';
import { TransferRecord } from './transfer.types';

const policy = loadCurrentTransferPolicy();

function transfer(overrides: Partial<TransferRecord> = {}): TransferRecord {
  return {
    transferId: '7c1e2b9a-4d0f-4a8e-9b3c-2f6d5e8a1c47',
    subjectRef: 's1_Qm9hcmRpbmdQYXNzLXN1YmplY3RSZWYx',
    insuranceType: 'pension',
    inboundRegion: '440100',
    outboundRegion: '360100',
    hukouRegion: '360100',
    state: 'requested',
    clock: { party: 'outbound', startedOn: '2026-09-28', workingDays: 15, dueOn: '2026-10-23', provisional: false },
    overdueSince: null,
    appliedOn: '2026-09-10',
    contactLetterOn: '2026-09-28',
    duplicateMonthsKept: 'inbound',
    inboundMonths: [],
    certificate: null,
    duplicates: null,
    funds: null,
    collectionRegion: null,
    remittance: null,
    receipt: null,
    refusal: null,
    cancellation: null,
    ...overrides,
  };
}

const months = (from: string, to: string, baseFen: number): { month: string; baseFen: number }[] => {
  const out: { month: string; baseFen: number }[] = [];
  for (let i = Number(from.slice(0, 4)) * 12 + Number(from.slice(5)) - 1; i <= Number(to.slice(0, 4)) * 12 + Number(to.slice(5)) - 1; i++) {
    out.push({ month: `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, baseFen });
  }
  return out;
};

const fieldOf = (fn: () => unknown): unknown => caughtDomainError(fn).extensions.field;

describe('assessCertificate', () => {
  it('pension: duplicate months kept by the inbound region are left out of the pooled part, their account share refunded', () => {
    // Outbound 2025-01..2025-12 at 8,000.00 yuan; the inbound region already has 2025-11 and 2025-12.
    const a = assessCertificate(
      transfer({ inboundMonths: ['2025-11', '2025-12', '2026-01'] }),
      { months: months('2025-01', '2025-12', 800_000), accountBalanceFen: 1_000_001 },
      '2026-09-28',
      policy,
    );
    // the refund: 2 months × 800,000 fen × 8 % (个人账户, 国发〔2005〕38号) = 128,000 fen, paid back to the person
    expect(a.duplicates).toMatchObject({
      months: ['2025-11', '2025-12'],
      kept: 'inbound',
      refundBy: 'outbound',
      refundFen: 128_000,
      refundedShares: [
        { month: '2025-11', baseFen: 800_000, ratePermille: 80, shareFen: 64_000 },
        { month: '2025-12', baseFen: 800_000, ratePermille: 80, shareFen: 64_000 },
      ],
    });
    expect(a.duplicates.source).toContain('人社部');
    // 10 months × 800,000 = 8,000,000 fen × 12 % = 960,000 fen; + 1,000,001 − 128,000 = 1,832,001 fen.
    expect(a.funds).toMatchObject({
      transferFen: 1_832_001,
      accountBalanceFen: 1_000_001,
      refundedShareFen: 128_000,
      pooledFen: 960_000,
      policyVersion: 2,
      years: [{ year: 2025, months: 10, baseTotalFen: 8_000_000, pooledFen: 960_000 }],
    });
    expect(a.funds.excludedMonths.map((m) => [m.month, m.reason])).toEqual([
      ['2025-11', 'refunded-duplicate'],
      ['2025-12', 'refunded-duplicate'],
    ]);
    // Collection region: 10 months in 360100 (the hukou region), relation now in 440100 with 3 months → Art. 6(4).
    expect(a.collectionRegion).toMatchObject({ region: '360100', rule: 'hukou-fallback', monthsByRegion: { '360100': 10, '440100': 3 } });
  });

  it('pension: duplicate months kept by the outbound region move in full; the inbound region clears (and prices) its own', () => {
    const a = assessCertificate(
      transfer({ inboundMonths: ['2025-11', '2025-12', '2026-01'], duplicateMonthsKept: 'outbound' }),
      { months: months('2025-01', '2025-12', 800_000), accountBalanceFen: 1_000_001 },
      '2026-09-28',
      policy,
    );
    expect(a.duplicates).toMatchObject({ months: ['2025-11', '2025-12'], kept: 'outbound', refundBy: 'inbound', refundFen: null });
    expect(a.duplicates.refundedShares).toBeUndefined();
    // 12 months × 800,000 × 12 % = 1,152,000 fen + the whole balance
    expect(a.funds).toMatchObject({ transferFen: 2_152_001, refundedShareFen: 0, pooledFen: 1_152_000, excludedMonths: [] });
    // each duplicate month counts once, where it is kept: 12 in 360100, 1 (2026-01) in 440100
    expect(a.collectionRegion).toMatchObject({ monthsByRegion: { '360100': 12, '440100': 1 } });
  });

  it('pension: the account share of months before 2006 is 11 %; a balance below the refund is refused (422)', () => {
    const cert = { months: months('2005-11', '2006-02', 300_000), accountBalanceFen: 1_000_000 };
    const a = assessCertificate(transfer({ inboundMonths: ['2005-12', '2006-01'] }), cert, '2026-09-28', policy);
    // 2005-12: 300,000 × 11 % = 33,000; 2006-01: 300,000 × 8 % = 24,000
    expect(a.duplicates.refundFen).toBe(57_000);
    expect(a.funds.transferFen).toBe(1_000_000 - 57_000 + 2 * 36_000); // pooled: 2005-11 and 2006-02 at 12 %
    const e = caughtDomainError(() =>
      assessCertificate(transfer({ inboundMonths: ['2005-12', '2006-01'] }), { ...cert, accountBalanceFen: 56_999 }, '2026-09-28', policy),
    );
    expect(e.code).toBe(ErrorCode.RuleViolated);
    expect(e.extensions.field).toBe('/body/accountBalanceFen');
  });

  it('pension: the hukou region is compared on the hierarchy — a 南昌 district hukou moving back into 360100 is Art. 6(1)', () => {
    const a = assessCertificate(
      transfer({ hukouRegion: '360102', inboundRegion: '360100', outboundRegion: '440100', inboundMonths: ['2026-08'] }),
      { months: months('2016-01', '2026-07', 500_000), accountBalanceFen: 0 },
      '2026-09-28',
      policy,
    );
    expect(a.collectionRegion).toMatchObject({ region: '360100', rule: 'hukou' });
  });

  it('pension: ≥ 10 years at an earlier place makes it the collection region (Art. 6(3))', () => {
    const a = assessCertificate(
      transfer({ hukouRegion: '510100', inboundMonths: ['2026-07'] }),
      {
        months: months('2024-01', '2026-06', 500_000),
        accountBalanceFen: 0,
        priorPeriods: [{ region: '320500', from: '2010-01', to: '2023-12' }],
      },
      '2026-09-28',
      policy,
    );
    expect(a.collectionRegion).toMatchObject({ region: '320500', rule: 'previous-10-years' });
  });

  it('medical: the account balance moves; credited months exclude refunded duplicates', () => {
    const a = assessCertificate(
      transfer({ insuranceType: 'medical', hukouRegion: null, inboundMonths: ['2026-06'] }),
      { months: months('2026-01', '2026-06', 600_000), accountBalanceFen: 345_678, contributionYears: 7.5 },
      '2026-09-28',
      policy,
    );
    expect(a.funds).toMatchObject({ transferFen: 345_678, pooledFen: 0, contributionYears: 7.5, creditedContributionMonths: 89 });
    // the medical account share of a month is set per pooling area: not priced by the gateway
    expect(a.duplicates).toMatchObject({ months: ['2026-06'], kept: 'inbound', refundBy: 'outbound', refundFen: null });
    expect(a.collectionRegion).toBeNull();
  });

  it('points at the offending field', () => {
    const today = '2026-09-28';
    expect(
      fieldOf(() => assessCertificate(transfer(), { months: [{ month: '2026-10', baseFen: 1 }], accountBalanceFen: 0 }, today, policy)),
    ).toBe('/body/months/0/month');
    expect(
      fieldOf(() =>
        assessCertificate(
          transfer(),
          {
            months: [
              { month: '2026-02', baseFen: 1 },
              { month: '2026-01', baseFen: 1 },
            ],
            accountBalanceFen: 0,
          },
          today,
          policy,
        ),
      ),
    ).toBe('/body/months/1/month');
    expect(
      fieldOf(() =>
        assessCertificate(
          transfer({ insuranceType: 'medical' }),
          { months: [{ month: '2026-01', baseFen: 1 }], accountBalanceFen: 0 },
          today,
          policy,
        ),
      ),
    ).toBe('/body/contributionYears');
    expect(
      fieldOf(() =>
        assessCertificate(
          transfer(),
          {
            months: [{ month: '2026-01', baseFen: 1 }],
            accountBalanceFen: 0,
            priorPeriods: [{ region: '320500', from: '2020-01', to: '2026-01' }],
          },
          today,
          policy,
        ),
      ),
    ).toBe('/body/priorPeriods/0/to');
    expect(fieldOf(() => validateInboundMonths(['2026-01', '2025-12'], today))).toBe('/body/inboundMonths/1');
    expect(fieldOf(() => validateInboundMonths(['2026-10'], today))).toBe('/body/inboundMonths/0');
  });
});

describe('duplicate months are never summed twice (property)', () => {
  const monthArb = fc
    .integer({ min: 2015 * 12, max: 2026 * 12 + 8 })
    .map((i) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  const sortedUnique = (xs: string[]): string[] => [...new Set(xs)].sort();

  it('every certificate month is either pooled once or excluded once, and duplicates are exactly the shared months', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(monthArb, { minLength: 1, maxLength: 60 }),
        fc.uniqueArray(monthArb, { maxLength: 60 }),
        fc.integer({ min: 1, max: 5_000_000 }),
        (outbound, inbound, base) => {
          const cert = { months: sortedUnique(outbound).map((month) => ({ month, baseFen: base })), accountBalanceFen: 10_000_000_000 };
          const a = assessCertificate(transfer({ inboundMonths: sortedUnique(inbound) }), cert, '2026-09-28', policy);
          const shared = sortedUnique(outbound).filter((m) => inbound.includes(m));
          expect(a.duplicates.months).toEqual(shared);
          const pooledMonths = a.funds.years.reduce((n, y) => n + y.months, 0);
          expect(pooledMonths + a.funds.excludedMonths.length).toBe(cert.months.length);
          expect(a.funds.excludedMonths.filter((m) => m.reason === 'refunded-duplicate').map((m) => m.month)).toEqual(shared);
          expect(a.funds.years.reduce((n, y) => n + y.baseTotalFen, 0)).toBe(pooledMonths * base);
          // the refund: 8 % of each shared month's base, half-up to the fen, taken off the balance moved
          expect(a.funds.refundedShareFen).toBe(shared.length * Math.round(base * 0.08));
          expect(a.duplicates.refundFen).toBe(a.funds.refundedShareFen);
          expect(a.funds.transferFen).toBe(a.funds.accountBalanceFen - (a.funds.refundedShareFen ?? 0) + a.funds.pooledFen);
        },
      ),
    );
  });
});
