import { ValidateFunction } from 'ajv/dist/2020';
import { FORBIDDEN_CONDITION_NAMES, ForbiddenConditionKind, TIERED_SUPPLY_CLAUSE, assertCityCode } from '@tongban/catalogue';
import { DomainError, ErrorCode } from '@tongban/errors';
import pointsSchemesSchema from '../data/points-schemes.schema.json';
import pointsSchemesV1 from '../data/points-schemes.v1.json';
import { assertSchema, compileSchema } from './residence.schema-validation';

/** A scored item of a city's points scheme (积分); points are integers. */
export type PointsItem =
  | { readonly kind: 'residence-years'; readonly pointsPerYear: number; readonly maxPoints: number; readonly note?: string }
  | { readonly kind: 'social-insurance-years'; readonly pointsPerYear: number; readonly maxPoints: number; readonly note?: string }
  | { readonly kind: 'stable-housing'; readonly ownedPoints: number; readonly rentedPoints: number; readonly note?: string };

type RawPointsItem = PointsItem | { readonly kind: ForbiddenConditionKind; readonly note?: string };

export interface PointsScheme {
  readonly cityCode: string;
  readonly cityNameZh: string;
  readonly illustrative: boolean;
  readonly source?: string;
  readonly items: readonly PointsItem[];
}

interface PointsSchemesDocument {
  version: number;
  description?: string;
  schemes: Array<Omit<PointsScheme, 'items'> & { items: RawPointsItem[] }>;
}

const FORBIDDEN: readonly string[] = ['education', 'professional-title', 'tax'];
let validate: ValidateFunction<PointsSchemesDocument> | undefined;

export class PointsSchemes {
  constructor(
    readonly version: number,
    private readonly byCity: ReadonlyMap<string, PointsScheme>,
  ) {}

  cities(): string[] {
    return [...this.byCity.keys()];
  }

  /** The city's scheme; DomainError(RuleViolated) when the city has none. */
  schemeFor(city: string, field?: string): PointsScheme {
    const scheme = this.byCity.get(city);
    if (!scheme) {
      throw new DomainError(
        ErrorCode.RuleViolated,
        `city ${city} has no points scheme in points-schemes v${this.version}; schemes exist for ${this.cities().join(', ')}`,
        {
          city,
          reason: 'no-points-scheme',
          ...(field === undefined ? {} : { field }),
        },
      );
    }
    return scheme;
  }
}

/**
 * Validates an untrusted points-schemes document. An item on education level, professional title or
 * tax contribution is rejected naming seed 000 clause 八, with the error shape of the catalogue's city
 * policies (policy-rejected, clause '000-八', city, condition, reason 'forbidden-condition').
 */
export function parsePointsSchemes(document: unknown, source = 'points-schemes'): PointsSchemes {
  precheck(document, source);
  validate ??= compileSchema<PointsSchemesDocument>(pointsSchemesSchema);
  assertSchema(validate, document, source);
  const byCity = new Map<string, PointsScheme>();
  document.schemes.forEach((s, i) => {
    if (byCity.has(s.cityCode)) {
      throw new DomainError(ErrorCode.PolicyRejected, `${source} /schemes/${i}: city ${s.cityCode} has two points schemes`, {
        city: s.cityCode,
        reason: 'duplicate-city',
      });
    }
    const kinds = new Set<string>();
    for (const item of s.items) {
      if (kinds.has(item.kind)) {
        throw new DomainError(ErrorCode.PolicyRejected, `${source} /schemes/${i}: city ${s.cityCode} scores '${item.kind}' twice`, {
          city: s.cityCode,
          condition: item.kind,
          reason: 'duplicate-condition',
        });
      }
      kinds.add(item.kind);
    }
    byCity.set(
      s.cityCode,
      Object.freeze({ ...s, items: Object.freeze(s.items.filter((it): it is PointsItem => !FORBIDDEN.includes(it.kind))) }),
    );
  });
  return new PointsSchemes(document.version, byCity);
}

/** City codes and forbidden items get their precise errors before any generic schema error. */
function precheck(document: unknown, source: string): void {
  if (!isRecord(document) || !Array.isArray(document.schemes)) return;
  document.schemes.forEach((scheme: unknown, i: number) => {
    if (!isRecord(scheme)) return;
    const where = `${source} /schemes/${i}`;
    if (typeof scheme.cityCode === 'string') assertCityCode(scheme.cityCode, where);
    if (!Array.isArray(scheme.items)) return;
    for (const item of scheme.items as unknown[]) {
      const kind = isRecord(item) ? item.kind : undefined;
      if (typeof kind === 'string' && FORBIDDEN.includes(kind)) {
        const city = String(scheme.cityCode);
        throw new DomainError(
          ErrorCode.PolicyRejected,
          `${where}: city ${city}: the points item on ${FORBIDDEN_CONDITION_NAMES[kind as ForbiddenConditionKind]} is rejected: seed 000 clause 八 (${TIERED_SUPPLY_CLAUSE}) forbids conditioning basic public services on education level, professional title or tax contribution (不得设置学历、职称、纳税贡献等限制条件); a points scheme for tiered supply may score time factors such as years of employment and residence`,
          { clause: TIERED_SUPPLY_CLAUSE, city, condition: kind, reason: 'forbidden-condition' },
        );
      }
    }
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

let bundled: PointsSchemes | undefined;

export function loadPointsSchemes(): PointsSchemes {
  bundled ??= parsePointsSchemes(pointsSchemesV1, 'points-schemes.v1.json');
  return bundled;
}
