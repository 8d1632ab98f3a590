import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  loadCurrentTransferPolicy,
  loadTransferPolicyFile,
  loadTransferPolicyV1,
  loadTransferPolicyV2,
  parseTransferPolicy,
  TransferPolicyError,
} from './transfer-policy.loader';

describe('transfer policy', () => {
  const v1 = loadTransferPolicyV1();

  it('loads v1 from libs/social-insurance/data', () => {
    expect(v1.version).toBe(1);
    expect(v1.pension).toEqual({
      pooledRatePermille: 120,
      pooledStartYear: 1998,
      stepWorkingDays: 15,
      collectionMinContributionYears: 10,
    });
    expect(v1.medical).toEqual({ outboundWorkingDays: 10, inboundWorkingDays: 5 });
    expect(Object.isFrozen(v1.pension)).toBe(true);
  });

  it('v2 (current) adds the individual-account rates and keeps every v1 figure', () => {
    const v2 = loadTransferPolicyV2();
    expect(loadCurrentTransferPolicy()).toBe(v2);
    expect(v2.version).toBe(2);
    expect(v2.pension).toEqual({
      ...v1.pension,
      individualAccountRates: [
        { from: '1998-01', ratePermille: 110 },
        { from: '2006-01', ratePermille: 80 },
      ],
    });
    expect(v2.medical).toEqual(v1.medical);
    expect(v2.sources.join(' ')).toContain('医保办发〔2021〕43号');
  });

  it('rejects account rates out of order or malformed', () => {
    const v2 = loadTransferPolicyV2();
    const withRates = (individualAccountRates: unknown): unknown => ({ ...v2, pension: { ...v2.pension, individualAccountRates } });
    expect(() =>
      parseTransferPolicy(
        withRates([
          { from: '2006-01', ratePermille: 80 },
          { from: '1998-01', ratePermille: 110 },
        ]),
      ),
    ).toThrow(/ascending/);
    expect(() => parseTransferPolicy(withRates([{ from: '2006-1', ratePermille: 80 }]))).toThrow(/YYYY-MM/);
    expect(() => parseTransferPolicy(withRates([]))).toThrow(TransferPolicyError);
  });

  it('rejects unknown members, non-integer rates and missing parts', () => {
    expect(() => parseTransferPolicy({ ...v1, pension: { ...v1.pension, pooledRate: 12 } })).toThrow(/pension/);
    expect(() => parseTransferPolicy({ ...v1, pension: { ...v1.pension, pooledRatePermille: 0.12 } })).toThrow(
      /\/pension\/pooledRatePermille/,
    );
    expect(() => parseTransferPolicy({ ...v1, medical: undefined })).toThrow(TransferPolicyError);
    expect(() => parseTransferPolicy(null)).toThrow(TransferPolicyError);
  });

  it('loads a policy file and reports unreadable ones', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-'));
    try {
      const file = path.join(dir, 'transfer-policy.v2.json');
      fs.writeFileSync(file, JSON.stringify({ ...v1, version: 2, medical: { ...v1.medical, inboundWorkingDays: 7 } }));
      expect(loadTransferPolicyFile(file).medical.inboundWorkingDays).toBe(7);
      fs.writeFileSync(file, '{ not json');
      expect(() => loadTransferPolicyFile(file)).toThrow(TransferPolicyError);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
