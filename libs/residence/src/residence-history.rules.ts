import { addDays } from '@tongban/calendar';
import { Endorsement, Permit } from './residence.types';
import { ENDORSEMENT_RULE, cityLabel, lapseDate } from './permit.rules';
import { RecognitionGroups } from './recognition-groups.loader';
import { completedMonths, isBefore, maxDate, monthsToYears } from './residence.dates';

export type IntervalEnd = 'as-of' | 'cancelled' | 'suspended' | 'lapsed' | 'expired';

export interface ResidenceInterval {
  permitId: string;
  city: string;
  status: Permit['status'];
  residenceSince: string;
  issuedOn: string;
  validUntil: string;
  countedFrom: string;
  /** exclusive */
  countedTo: string;
  endedBy: IntervalEnd;
  months: number;
}

export interface CityResidence {
  city: string;
  countedMonths: number;
  continuousMonths: number;
  continuousYears: number;
}

export interface RecognitionSource {
  permitId: string;
  city: string;
  recognisedFrom: string;
  recognisedTo: string;
  months: number;
}

export interface GroupRecognition {
  groupId: string;
  nameZh: string;
  targetCity: string;
  recognisedMonths: number;
  recognisedYears: number;
  sources: RecognitionSource[];
}

export interface ResidenceHistory {
  subjectRef: string;
  asOf: string;
  intervals: ResidenceInterval[];
  cities: CityResidence[];
  groups: GroupRecognition[];
  why: string[];
}

/** The counted interval of one permit as of `asOf`: from its count start to the first of its ends. */
export function countedInterval(p: Permit, asOf: string): ResidenceInterval {
  const ends: Array<[string, IntervalEnd]> = [
    [addDays(asOf, 1), 'as-of'],
    [addDays(p.validUntil, 1), 'expired'],
  ];
  if (p.status === 'cancelled' && p.cancelledOn) ends.push([p.cancelledOn, 'cancelled']);
  if (p.suspendedOn) ends.push([p.suspendedOn, 'suspended']);
  if (p.status === 'active') ends.push([lapseDate(p.endorsementDue), 'lapsed']);
  const [countedTo, endedBy] = ends.reduce((first, e) => (isBefore(e[0], first[0]) ? e : first));
  // asOf is a whole day lived; the counted interval is [from, to) so "as of" ends the day after.
  return {
    permitId: p.permitId,
    city: p.residenceCity,
    status: p.status,
    residenceSince: p.residenceSince,
    issuedOn: p.issuedOn,
    validUntil: p.validUntil,
    countedFrom: p.residenceYearsCountFrom,
    countedTo,
    endedBy,
    months: completedMonths(p.residenceYearsCountFrom, countedTo),
  };
}

/**
 * Recognised months for `target` inside `groupId`: the months held in every member city, each counted
 * from the date both that city and the target are members; overlapping intervals are counted once.
 */
export function recognise(
  intervals: readonly ResidenceInterval[],
  groups: RecognitionGroups,
  groupId: string,
  target: string,
): RecognitionSource[] {
  const group = groups.get(groupId);
  if (!group) return [];
  let covered = '0000-01-01';
  const sources: RecognitionSource[] = [];
  for (const iv of [...intervals].sort((a, b) => (a.countedFrom < b.countedFrom ? -1 : 1))) {
    const since = groups.recognisedSince(group, iv.city, target);
    if (since === undefined) continue;
    const recognisedFrom = maxDate(maxDate(iv.countedFrom, since), covered);
    const months = completedMonths(recognisedFrom, iv.countedTo);
    covered = maxDate(covered, iv.countedTo);
    if (isBefore(recognisedFrom, iv.countedTo))
      sources.push({ permitId: iv.permitId, city: iv.city, recognisedFrom, recognisedTo: iv.countedTo, months });
  }
  return sources;
}

/** The residence history of one person with its item-by-item explanation. Pure: the service loads the rows. */
export function residenceHistory(
  subjectRef: string,
  permits: readonly Permit[],
  endorsements: readonly Endorsement[],
  groups: RecognitionGroups,
  asOf: string,
): ResidenceHistory {
  const why: string[] = [];
  const intervals = permits.map((p) => countedInterval(p, asOf));
  for (const [i, iv] of intervals.entries()) {
    const p = permits[i];
    const label = `permit ${p.permitNumber} (${cityLabel(iv.city)})`;
    const start = iv.countedFrom === p.residenceSince ? `residence since ${iv.countedFrom}` : `the late endorsement of ${iv.countedFrom}`;
    why.push(`${label}: counted from ${start} to ${iv.countedTo} (exclusive, ${describeEnd(iv, p)}): ${iv.months} completed month(s)`);
    for (const e of endorsements.filter((x) => x.permitId === p.permitId && x.late)) {
      why.push(
        `${label}: the endorsement due ${e.dueOn} was missed, so the permit's functions were suspended from ${e.lapsedOn}; the late endorsement of ${e.endorsedOn} restored them and restarted the count of residence years from ${e.endorsedOn} (${ENDORSEMENT_RULE}); the years before it are not counted`,
      );
    }
  }

  const cities = [...new Set(intervals.map((iv) => iv.city))].map((city) => {
    const own = intervals.filter((iv) => iv.city === city);
    const continuousMonths = own.filter((iv) => iv.endedBy === 'as-of').reduce((s, iv) => s + iv.months, 0);
    return {
      city,
      countedMonths: own.reduce((s, iv) => s + iv.months, 0),
      continuousMonths,
      continuousYears: monthsToYears(continuousMonths),
    };
  });

  const latest = [...intervals].sort((a, b) => (a.countedFrom < b.countedFrom ? -1 : a.countedFrom > b.countedFrom ? 1 : 0)).at(-1);
  const result: GroupRecognition[] = [];
  for (const group of groups.groups) {
    const inGroup = intervals.filter((iv) => groups.joinedOn(group, iv.city) !== undefined);
    if (inGroup.length === 0) continue;
    const target = [...inGroup].sort((a, b) => (a.countedFrom < b.countedFrom ? -1 : 1)).at(-1)!.city;
    const sources = recognise(inGroup, groups, group.id, target);
    const recognisedMonths = sources.reduce((s, x) => s + x.months, 0);
    result.push({
      groupId: group.id,
      nameZh: group.nameZh,
      targetCity: target,
      recognisedMonths,
      recognisedYears: monthsToYears(recognisedMonths),
      sources,
    });
    for (const src of sources.filter((s) => s.city !== target)) {
      const since = groups.recognisedSince(group, src.city, target)!;
      why.push(
        `${group.nameZh}: ${src.months} month(s) held in ${cityLabel(src.city)} from ${src.recognisedFrom} count for ${cityLabel(target)} — both are members from ${since} (${cityLabel(src.city)} joined ${groups.joinedOn(group, src.city)}, ${cityLabel(target)} joined ${groups.joinedOn(group, target)})`,
      );
    }
    why.push(`${group.nameZh}: ${recognisedMonths} month(s) recognised in total for ${cityLabel(target)}`);
  }
  if (latest) {
    const shared = new Set(groups.groupsOf(latest.city).map((g) => g.id));
    for (const city of new Set(intervals.map((iv) => iv.city))) {
      if (city === latest.city || groups.groupsOf(city).some((g) => shared.has(g.id))) continue;
      why.push(
        `${cityLabel(city)} and ${cityLabel(latest.city)} share no recognition group: the years held in ${cityLabel(city)} do not count in ${cityLabel(latest.city)}`,
      );
    }
  }
  return { subjectRef, asOf, intervals, cities, groups: result, why };
}

function describeEnd(iv: ResidenceInterval, p: Permit): string {
  switch (iv.endedBy) {
    case 'as-of':
      return 'as of the measuring day';
    case 'cancelled':
      return `cancelled: ${p.cancellationReason ?? 'the person left'}`;
    case 'suspended':
      return `suspended from ${p.suspendedOn}: the endorsement due ${p.endorsementDue} was missed (${ENDORSEMENT_RULE}); a late endorsement restores the permit and restarts the count`;
    case 'lapsed':
      return `the endorsement due ${p.endorsementDue} was missed: functions suspended from ${lapseDate(p.endorsementDue)} (${ENDORSEMENT_RULE})`;
    case 'expired':
      return `validity ended on ${p.validUntil}`;
  }
}
