import { caughtDomainError, DomainError } from '@tongban/errors';
import { computeMedicalTransfer } from './medical-transfer.calculator';

describe('computeMedicalTransfer', () => {
  it('transfers the individual account balance and carries the contribution years', () => {
    expect(computeMedicalTransfer({ accountBalanceFen: 1_234_501, contributionYears: 7.5 })).toEqual({
      transferFen: 1_234_501,
      accountBalanceFen: 1_234_501,
      contributionYears: 7.5,
    });
    expect(computeMedicalTransfer({ accountBalanceFen: 0, contributionYears: 0 }).transferFen).toBe(0);
  });

  it('rejects float money and impossible years', () => {
    expect(() => computeMedicalTransfer({ accountBalanceFen: 10.5, contributionYears: 1 })).toThrow(DomainError);
    expect(
      caughtDomainError(() => computeMedicalTransfer({ accountBalanceFen: 100, contributionYears: -1 }, '/body/medical')).extensions.field,
    ).toBe('/body/medical/contributionYears');
    expect.assertions(2);
  });
});
