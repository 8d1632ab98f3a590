import { cityLabel } from './permit.rules';
import { PointsItem, PointsScheme } from './points-schemes.loader';

export type Housing = 'owned' | 'rented' | 'none';

/** The facts one city scores; residence months are as that city counts them (recognition groups apply). */
export interface PointsFactsForCity {
  residenceMonths: number;
  socialInsuranceMonths: number | null;
  housing: Housing | null;
}

export interface PointsItemScore {
  kind: PointsItem['kind'];
  fact: string;
  rule: string;
  points: number;
  capped: boolean;
  why: string;
}

export interface PointsScore {
  city: string;
  schemeVersion: number;
  illustrative: boolean;
  total: number;
  items: PointsItemScore[];
}

/** Points for whole months at `pointsPerYear` (integer arithmetic: floor(months × weight / 12)), capped. */
function perYear(months: number, pointsPerYear: number, maxPoints: number): { points: number; capped: boolean } {
  const raw = Math.floor((months * pointsPerYear) / 12);
  return { points: Math.min(raw, maxPoints), capped: raw > maxPoints };
}

/** Scores the facts item by item under one city's scheme; a fact that is not known scores 0 and says so. */
export function scoreUnder(scheme: PointsScheme, version: number, facts: PointsFactsForCity): PointsScore {
  const city = cityLabel(scheme.cityCode);
  const items = scheme.items.map((item): PointsItemScore => {
    switch (item.kind) {
      case 'residence-years': {
        const { points, capped } = perYear(facts.residenceMonths, item.pointsPerYear, item.maxPoints);
        return {
          kind: item.kind,
          fact: `${facts.residenceMonths} month(s) of residence counted by ${city}`,
          rule: `${item.pointsPerYear} per year, at most ${item.maxPoints}`,
          points,
          capped,
          why: `floor(${facts.residenceMonths} × ${item.pointsPerYear} / 12) = ${Math.floor((facts.residenceMonths * item.pointsPerYear) / 12)}${capped ? `, capped at ${item.maxPoints}` : ''}`,
        };
      }
      case 'social-insurance-years': {
        if (facts.socialInsuranceMonths === null) {
          return {
            kind: item.kind,
            fact: 'not stated',
            rule: `${item.pointsPerYear} per year, at most ${item.maxPoints}`,
            points: 0,
            capped: false,
            why: 'social-insurance months were not stated: 0 points',
          };
        }
        const months = facts.socialInsuranceMonths;
        const { points, capped } = perYear(months, item.pointsPerYear, item.maxPoints);
        return {
          kind: item.kind,
          fact: `${months} month(s) of social insurance`,
          rule: `${item.pointsPerYear} per year, at most ${item.maxPoints}`,
          points,
          capped,
          why: `floor(${months} × ${item.pointsPerYear} / 12) = ${Math.floor((months * item.pointsPerYear) / 12)}${capped ? `, capped at ${item.maxPoints}` : ''}`,
        };
      }
      case 'stable-housing': {
        const rule = `owned ${item.ownedPoints}, rented ${item.rentedPoints}, none 0`;
        if (facts.housing === null)
          return { kind: item.kind, fact: 'not stated', rule, points: 0, capped: false, why: 'housing was not stated: 0 points' };
        const points = facts.housing === 'owned' ? item.ownedPoints : facts.housing === 'rented' ? item.rentedPoints : 0;
        return {
          kind: item.kind,
          fact: `housing ${facts.housing}`,
          rule,
          points,
          capped: false,
          why: `${facts.housing} housing scores ${points}`,
        };
      }
    }
  });
  return {
    city: scheme.cityCode,
    schemeVersion: version,
    illustrative: scheme.illustrative,
    total: items.reduce((s, i) => s + i.points, 0),
    items,
  };
}

/** One line per item of the target scheme: what the same facts were worth in the source city and are worth now. */
export function explainConversion(from: PointsScore, to: PointsScore): string[] {
  const lines = to.items.map((t) => {
    const f = from.items.find((i) => i.kind === t.kind);
    const before = f === undefined ? `not scored by ${cityLabel(from.city)}` : `${f.points} in ${cityLabel(from.city)} (${f.rule})`;
    return `${t.kind}: ${t.fact} → ${t.points} in ${cityLabel(to.city)} (${t.rule}; ${t.why}); was ${before}`;
  });
  for (const f of from.items.filter((i) => !to.items.some((t) => t.kind === i.kind))) {
    lines.push(`${f.kind}: scored ${f.points} in ${cityLabel(from.city)}, not an item of ${cityLabel(to.city)}'s scheme: 0`);
  }
  lines.push(
    `total: ${from.total} in ${cityLabel(from.city)} → ${to.total} in ${cityLabel(to.city)}, re-scored item by item from the facts (never a ratio of totals)`,
  );
  return lines;
}
