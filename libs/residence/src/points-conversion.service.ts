import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@tongban/errors';
import { assertRegionCode, regionKind } from '@tongban/regions';
import { cityLabel } from './permit.rules';
import { Housing, PointsFactsForCity, PointsScore, explainConversion, scoreUnder } from './points-conversion.rules';
import { loadPointsSchemes, PointsSchemes } from './points-schemes.loader';
import { ResidenceInterval, countedInterval, recognise } from './residence-history.rules';
import { ResidenceHistoryService } from './residence-history.service';

export interface PointsConversionCommand {
  subjectRef?: string;
  fromCity: string;
  toCity: string;
  asOf?: string;
  facts?: { residenceMonths?: number; socialInsuranceMonths?: number; housing?: Housing };
}

export interface PointsConversion {
  subjectRef: string | null;
  fromCity: string;
  toCity: string;
  asOf: string;
  facts: {
    residenceMonthsFrom: number;
    residenceMonthsTo: number;
    socialInsuranceMonths: number | null;
    housing: Housing | null;
    sources: string[];
  };
  from: PointsScore;
  to: PointsScore;
  explanation: string[];
}

/** Points conversion (积分转换, seed 000 clause 十一): the facts re-scored under the target city's scheme. */
@Injectable()
export class PointsConversionService {
  private readonly schemes: PointsSchemes = loadPointsSchemes();

  constructor(private readonly history: ResidenceHistoryService) {}

  async convert(cmd: PointsConversionCommand, region: string | null): Promise<PointsConversion> {
    for (const [code, field] of [
      [cmd.fromCity, '/body/fromCity'],
      [cmd.toCity, '/body/toCity'],
    ] as const) {
      assertRegionCode(code, field);
      if (regionKind(code) !== 'city')
        throw new DomainError(ErrorCode.InvalidRegionCode, `${field} '${code}' must be a city-level code (xxxx00)`, {
          field,
          reason: 'not-city-level',
        });
    }
    if (region !== cmd.fromCity && region !== cmd.toCity) {
      throw new DomainError(ErrorCode.Forbidden, 'only the city converting from or the city converting to may convert points');
    }
    const fromScheme = this.schemes.schemeFor(cmd.fromCity, '/body/fromCity');
    const toScheme = this.schemes.schemeFor(cmd.toCity, '/body/toCity');
    const asOf = this.history.measuringDay(cmd.asOf, '/body/asOf');
    const sources: string[] = [];
    let residenceFrom: number;
    let residenceTo: number;
    if (cmd.subjectRef !== undefined) {
      // the person's permit history is read only for a region related to them (404 otherwise)
      const permits = await this.history.visiblePermits(cmd.subjectRef, region);
      if (!permits.some((p) => p.residenceCity === cmd.fromCity)) {
        throw new DomainError(ErrorCode.NotFound, `no residence permit of ${cityLabel(cmd.fromCity)} is known for this person`);
      }
      const intervals = permits.map((p) => countedInterval(p, asOf));
      residenceFrom = this.monthsCountedBy(cmd.fromCity, intervals, sources);
      residenceTo = this.monthsCountedBy(cmd.toCity, intervals, sources);
    } else {
      if (cmd.facts?.residenceMonths === undefined) {
        throw new DomainError(ErrorCode.ValidationFailed, 'without subjectRef the facts must state residenceMonths', {
          errors: [{ field: '/body/facts/residenceMonths', message: 'required when subjectRef is absent' }],
        });
      }
      residenceFrom = residenceTo = cmd.facts.residenceMonths;
      sources.push(`residence: ${residenceFrom} month(s) as stated by the caller, for both cities`);
    }
    const common = { socialInsuranceMonths: cmd.facts?.socialInsuranceMonths ?? null, housing: cmd.facts?.housing ?? null };
    sources.push(
      common.socialInsuranceMonths === null
        ? 'social insurance: not stated'
        : `social insurance: ${common.socialInsuranceMonths} month(s) as stated by the caller`,
    );
    sources.push(common.housing === null ? 'housing: not stated' : `housing: ${common.housing} as stated by the caller`);
    const fromFacts: PointsFactsForCity = { residenceMonths: residenceFrom, ...common };
    const toFacts: PointsFactsForCity = { residenceMonths: residenceTo, ...common };
    const from = scoreUnder(fromScheme, this.schemes.version, fromFacts);
    const to = scoreUnder(toScheme, this.schemes.version, toFacts);
    return {
      subjectRef: cmd.subjectRef ?? null,
      fromCity: cmd.fromCity,
      toCity: cmd.toCity,
      asOf,
      facts: { residenceMonthsFrom: residenceFrom, residenceMonthsTo: residenceTo, ...common, sources },
      from,
      to,
      explanation: explainConversion(from, to),
    };
  }

  /** Months `city` counts: its own intervals, plus those its recognition group recognises. */
  private monthsCountedBy(city: string, intervals: readonly ResidenceInterval[], sources: string[]): number {
    const groups = this.history.groups;
    const group = groups.groupsOf(city)[0];
    if (group === undefined) {
      const months = intervals.filter((iv) => iv.city === city).reduce((s, iv) => s + iv.months, 0);
      sources.push(`residence for ${cityLabel(city)}: ${months} month(s) held there (the city is in no recognition group)`);
      return months;
    }
    const recognised = recognise(intervals, groups, group.id, city);
    const months = recognised.reduce((s, r) => s + r.months, 0);
    const detail = recognised.map((r) => `${r.months} in ${cityLabel(r.city)} from ${r.recognisedFrom}`).join(', ') || 'none';
    sources.push(`residence for ${cityLabel(city)}: ${months} month(s) counted within ${group.nameZh} (${detail})`);
    return months;
  }
}
