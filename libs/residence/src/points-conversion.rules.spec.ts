import { loadPointsSchemes } from './points-schemes.loader';
import { explainConversion, scoreUnder } from './points-conversion.rules';

describe('points conversion', () => {
  const schemes = loadPointsSchemes();

  it('re-scores the facts item by item under the target scheme, with caps, never as a ratio of totals', () => {
    const facts = { residenceMonths: 75, socialInsuranceMonths: 130, housing: 'rented' as const };
    const shanghai = scoreUnder(schemes.schemeFor('310100'), 1, facts);
    const guangzhou = scoreUnder(schemes.schemeFor('440100'), 1, facts);
    // 上海: residence floor(75×6/12)=37; insurance floor(130×3/12)=32 capped 30; rented 10
    expect(shanghai.items.map((i) => [i.kind, i.points, i.capped])).toEqual([
      ['residence-years', 37, false],
      ['social-insurance-years', 30, true],
      ['stable-housing', 10, false],
    ]);
    expect(shanghai.total).toBe(77);
    // 广州: residence floor(75×2/12)=12; insurance floor(130×4/12)=43 capped 40; rented 5
    expect(guangzhou.total).toBe(57);
    expect(guangzhou.total).not.toBe(Math.round(77 * (guangzhou.items.length / shanghai.items.length)));
    const lines = explainConversion(shanghai, guangzhou);
    expect(lines[0]).toBe(
      'residence-years: 75 month(s) of residence counted by 440100 广州市 → 12 in 440100 广州市 (2 per year, at most 20; floor(75 × 2 / 12) = 12); was 37 in 310100 上海市 (6 per year, at most 60)',
    );
    expect(lines.at(-1)).toContain('never a ratio of totals');
  });

  it('scores a fact that was not stated as 0 and says so', () => {
    const s = scoreUnder(schemes.schemeFor('320500'), 1, { residenceMonths: 0, socialInsuranceMonths: null, housing: null });
    expect(s.total).toBe(0);
    expect(s.items.map((i) => i.why)).toEqual([
      'floor(0 × 5 / 12) = 0',
      'social-insurance months were not stated: 0 points',
      'housing was not stated: 0 points',
    ]);
  });
});
