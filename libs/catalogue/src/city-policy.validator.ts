import { DomainError, ErrorCode, ProblemExtensionsOf } from '@tongban/errors';
import { isRegionCode, regionKind } from '@tongban/regions';
import { RESIDENCE_BASES, ServiceBasis, ServiceItem } from './catalogue.types';
import { ServiceCatalogue } from './catalogue.model';
import {
  CityPolicy,
  CityServicePolicy,
  FORBIDDEN_CONDITION_KINDS,
  FORBIDDEN_CONDITION_NAMES,
  ForbiddenConditionKind,
  PolicyCondition,
  RawCityPolicy,
  RawPolicyCondition,
} from './city-policy.types';

/** The clause every education / title / tax rejection names: 国发〔2026〕11号 （八）. */
export const TIERED_SUPPLY_CLAUSE = '000-八';

const SIX_DIGITS = /^[0-9]{6}$/;
const MUNICIPALITIES = '110100 北京, 120100 天津, 310100 上海, 500100 重庆';

/** Why a non-residence basis admits no city conditions, with the clause where one says so. */
const NO_CONDITIONS: Readonly<Record<Exclude<ServiceBasis, 'residence' | 'residence-permit'>, { why: string; clause?: string }>> = {
  emergency: {
    why: 'temporary assistance is given where the emergency happens, with no hukou or residence restriction (取消户籍地、居住地申请限制)',
    clause: '000-六',
  },
  insured: {
    why: 'employee social insurance is joined where the person works, with no household-registration restriction (全面取消在就业地参加职工社会保险的户籍限制)',
    clause: '000-三',
  },
  treatment: { why: "it is provided by the treatment region under the insured region's rules, not on residence conditions" },
  hukou: { why: 'it is provided by the hukou region, so residence conditions do not apply' },
};

/**
 * Checks that `code` is a GB/T 2260 city-level code (xxxx00) or throws DomainError(InvalidRegionCode)
 * with a precise reason. `where` says which policy, e.g. 'city policy /cities/2'.
 */
export function assertCityCode(code: string, where: string): void {
  const ext = (reason: string): ProblemExtensionsOf<ErrorCode.InvalidRegionCode> => ({ city: code, reason });
  if (!SIX_DIGITS.test(code)) {
    throw new DomainError(
      ErrorCode.InvalidRegionCode,
      `${where}: city code '${code}' is malformed: a GB/T 2260 code has exactly 6 digits (a city is xxxx00, e.g. 440100 广州); got ${code.length} character(s)`,
      ext('format'),
    );
  }
  if (code.endsWith('0000')) {
    throw new DomainError(
      ErrorCode.InvalidRegionCode,
      `${where}: city code '${code}' is a province-level code; a city policy needs the city-level code xxxx00 (municipalities: ${MUNICIPALITIES})`,
      ext('province-level'),
    );
  }
  if (!code.endsWith('00')) {
    throw new DomainError(
      ErrorCode.InvalidRegionCode,
      `${where}: city code '${code}' is a county-level code; a city policy is set for the whole city, use ${code.slice(0, 4)}00`,
      ext('county-level'),
    );
  }
  if (!isRegionCode(code) || regionKind(code) !== 'city') {
    throw new DomainError(
      ErrorCode.InvalidRegionCode,
      `${where}: city code '${code}' is not a current GB/T 2260 city-level region`,
      ext('unknown'),
    );
  }
}

/**
 * Checks one raw city policy against the catalogue and returns it as an admitted CityPolicy, or throws:
 * - DomainError(InvalidRegionCode) for a malformed, non-city or unknown city code;
 * - DomainError(PolicyRejected) with { clause: '000-八', city, service } for a condition on education
 *   level, professional title or tax contribution (seed 000 clause 八);
 * - DomainError(PolicyRejected) for an unknown service code, a service listed twice, a condition kind
 *   given twice, or conditions on a service that is not provided on residence (hukou, insured,
 *   treatment, emergency bases).
 */
export function checkCityPolicy(raw: RawCityPolicy, catalogue: ServiceCatalogue, where = 'city policy'): CityPolicy {
  assertCityCode(raw.cityCode, where);
  const city = raw.cityCode;
  const seen = new Set<string>();
  const services: CityServicePolicy[] = raw.services.map((sp, i) => {
    const label = `${where}${where.includes('/') ? '' : ' '}/services/${i}: city ${city} (${raw.cityNameZh})`;
    const item = catalogue.find(sp.service);
    if (item === undefined) {
      reject(
        `${label}: service code '${sp.service}' is not in service catalogue v${catalogue.version}; a city policy can only condition catalogued services`,
        { city, service: sp.service, reason: 'unknown-service' },
      );
    }
    if (seen.has(sp.service)) {
      reject(`${label}: service '${sp.service}' is listed twice; give all its conditions in one entry`, {
        city,
        service: sp.service,
        reason: 'duplicate-service',
      });
    }
    seen.add(sp.service);
    const conditions = admitConditions(sp.conditions, item, city, label);
    return Object.freeze({
      service: sp.service,
      conditions: Object.freeze(conditions),
      ...(sp.note === undefined ? {} : { note: sp.note }),
    });
  });
  return Object.freeze({
    cityCode: city,
    cityNameZh: raw.cityNameZh,
    illustrative: raw.illustrative,
    ...(raw.source === undefined ? {} : { source: raw.source }),
    services: Object.freeze(services),
  });
}

function admitConditions(raw: readonly RawPolicyCondition[], item: ServiceItem, city: string, label: string): PolicyCondition[] {
  const service = item.code;
  const subject = `basic service '${service}' (${item.nameZh})`;
  // The forbidden kinds are checked first: that rejection must name clause 八 whatever else is wrong.
  for (const c of raw) {
    if (isForbidden(c)) {
      reject(
        `${label}: the condition on ${FORBIDDEN_CONDITION_NAMES[c.kind]} for ${subject} is rejected: seed 000 clause 八 (${TIERED_SUPPLY_CLAUSE}) forbids conditioning basic public services on education level, professional title or tax contribution (不得设置学历、职称、纳税贡献等限制条件); tiered supply may use time factors such as years of employment and residence, or points`,
        { clause: TIERED_SUPPLY_CLAUSE, city, service, condition: c.kind, reason: 'forbidden-condition' },
      );
    }
  }
  const admitted = raw.filter((c): c is PolicyCondition => !isForbidden(c));
  if (admitted.length > 0 && !RESIDENCE_BASES.includes(item.basis)) {
    const rule = NO_CONDITIONS[item.basis as keyof typeof NO_CONDITIONS];
    const cite = rule.clause === undefined ? '' : ` (seed ${rule.clause.replace('-', ' clause ')}, ${rule.clause})`;
    reject(`${label}: ${subject} has basis '${item.basis}' and admits no city conditions: ${rule.why}${cite}`, {
      city,
      service,
      basis: item.basis,
      reason: 'not-residence-based',
      ...(rule.clause === undefined ? {} : { clause: rule.clause }),
    });
  }
  const kinds = new Set<string>();
  for (const c of admitted) {
    if (kinds.has(c.kind)) {
      reject(`${label}: ${subject} has the condition kind '${c.kind}' twice`, {
        city,
        service,
        condition: c.kind,
        reason: 'duplicate-condition',
      });
    }
    kinds.add(c.kind);
  }
  return admitted.map((c) => Object.freeze({ ...c }));
}

function isForbidden(c: RawPolicyCondition): c is Extract<RawPolicyCondition, { kind: ForbiddenConditionKind }> {
  return (FORBIDDEN_CONDITION_KINDS as readonly string[]).includes(c.kind);
}

function reject(detail: string, extensions: ProblemExtensionsOf<ErrorCode.PolicyRejected>): never {
  throw new DomainError(ErrorCode.PolicyRejected, detail, extensions);
}
