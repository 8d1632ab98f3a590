import { addMonths } from '@tongban/calendar';
import fc from 'fast-check';
import { loadRecognitionGroups } from './recognition-groups.loader';
import { completedMonths } from './residence.dates';
import { residenceHistory } from './residence-history.rules';
import { Endorsement, Permit } from './residence.types';

const REF = 's1_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
let n = 0;
function permit(city: string, residenceSince: string, over: Partial<Permit> = {}): Permit {
  n += 1;
  const issuedOn = addMonths(residenceSince, 6);
  return {
    permitId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    permitNumber: `P-${n}`,
    subjectRef: REF,
    hukouRegion: '360100',
    residenceCity: city,
    basis: 'employment',
    residenceSince,
    issuedOn,
    validUntil: '2035-01-01',
    status: 'active',
    residenceYearsCountFrom: residenceSince,
    endorsementDue: '2030-01-01',
    lastEndorsedOn: null,
    suspendedOn: null,
    cancelledOn: null,
    cancellationReason: null,
    ...over,
  };
}
const groups = loadRecognitionGroups();
const cancelled = (on: string): Partial<Permit> => ({ status: 'cancelled', cancelledOn: on, cancellationReason: 'moved' });

describe('residence history', () => {
  it('keeps the years of a move 上海 → 苏州 inside 长三角, from the date both are members', () => {
    const shanghai = permit('310100', '2019-01-01', cancelled('2025-03-01'));
    const suzhou = permit('320500', '2025-03-01');
    const h = residenceHistory(REF, [shanghai, suzhou], [], groups, '2026-03-01');
    expect(h.intervals.map((i) => [i.city, i.countedFrom, i.countedTo, i.endedBy, i.months])).toEqual([
      ['310100', '2019-01-01', '2025-03-01', 'cancelled', 74],
      ['320500', '2025-03-01', '2026-03-02', 'as-of', 12],
    ]);
    const yrd = h.groups.find((g) => g.groupId === 'yrd')!;
    // 上海 counts for 苏州 from 2019-12-01 (both members): 63 months, plus 12 in 苏州
    expect([yrd.targetCity, yrd.recognisedMonths]).toEqual(['320500', 75]);
    expect(yrd.sources.map((s) => [s.city, s.recognisedFrom, s.months])).toEqual([
      ['310100', '2019-12-01', 63],
      ['320500', '2025-03-01', 12],
    ]);
    expect(h.cities.find((c) => c.city === '320500')).toEqual({
      city: '320500',
      countedMonths: 12,
      continuousMonths: 12,
      continuousYears: 1,
    });
    expect(h.why.join('\n')).toContain('63 month(s) held in 310100 上海市 from 2019-12-01 count for 320500 苏州市');
  });

  it('does not carry the years of a move 上海 → 广州', () => {
    const shanghai = permit('310100', '2019-01-01', cancelled('2025-03-01'));
    const guangzhou = permit('440100', '2025-03-01');
    const h = residenceHistory(REF, [shanghai, guangzhou], [], groups, '2026-03-01');
    expect(h.groups.find((g) => g.groupId === 'gba')).toMatchObject({ targetCity: '440100', recognisedMonths: 12 });
    // 长三角 still reports 上海's own years for 上海 itself; nothing of it reaches 广州
    expect(h.groups.find((g) => g.groupId === 'yrd')).toMatchObject({ targetCity: '310100' });
    expect(h.why.join('\n')).toContain('310100 上海市 and 440100 广州市 share no recognition group');
  });

  it('counts years of a city that joined later only from its joining date (合肥 joined 长三角 on 2020-07-01)', () => {
    const shanghai = permit('310100', '2019-01-01', cancelled('2025-03-01'));
    const hefei = permit('340100', '2025-03-01');
    const yrd = residenceHistory(REF, [shanghai, hefei], [], groups, '2026-03-01').groups.find((g) => g.groupId === 'yrd')!;
    expect(yrd.sources[0]).toMatchObject({ city: '310100', recognisedFrom: '2020-07-01', months: 56 });
  });

  it('restarts the count from a late endorsement and stops it while suspended', () => {
    const restarted = permit('440100', '2020-01-01', {
      residenceYearsCountFrom: '2022-09-01',
      lastEndorsedOn: '2022-09-01',
      endorsementDue: '2023-09-01',
    });
    const late: Endorsement = {
      permitId: restarted.permitId,
      dueOn: '2021-07-01',
      endorsedOn: '2022-09-01',
      late: true,
      lapsedOn: '2021-07-02',
    };
    const h = residenceHistory(REF, [restarted], [late], groups, '2023-03-01');
    expect(h.intervals[0]).toMatchObject({ countedFrom: '2022-09-01', months: 6, endedBy: 'as-of' });
    expect(h.why.join('\n')).toContain('restarted the count of residence years from 2022-09-01');

    const suspended = permit('440100', '2020-01-01', { status: 'suspended', suspendedOn: '2021-07-02', endorsementDue: '2021-07-01' });
    const s = residenceHistory(REF, [suspended], [], groups, '2023-03-01');
    expect(s.intervals[0]).toMatchObject({ countedTo: '2021-07-02', endedBy: 'suspended', months: 18 });
    expect(s.cities[0].continuousMonths).toBe(0);

    // lapsed but not yet marked by the job: the same as suspended
    const lapsed = permit('440100', '2020-01-01', { endorsementDue: '2021-07-01' });
    expect(residenceHistory(REF, [lapsed], [], groups, '2023-03-01').intervals[0]).toMatchObject({
      countedTo: '2021-07-02',
      endedBy: 'lapsed',
    });
  });

  it('counts a permit stored before the date bounds, valid until 9999-12-31, up to the measuring day (not 0 months)', () => {
    const forever = permit('440100', '2020-01-01', { validUntil: '9999-12-31' });
    expect(residenceHistory(REF, [forever], [], groups, '2026-11-28').intervals[0]).toMatchObject({
      countedTo: '2026-11-29',
      endedBy: 'as-of',
      months: 82,
    });
    // a residence stated from year 99 when Date.UTC read it as 1999 is counted from year 99, not 1999
    const ancient = permit('440100', '0099-01-01', { issuedOn: '2020-01-01' });
    expect(residenceHistory(REF, [ancient], [], groups, '2026-11-28').intervals[0].months).toBe((2026 - 99) * 12 + 10);
  });

  it('counts whole months: n months after a day is n (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 400 }),
        (d, months) => {
          const from = d.toISOString().slice(0, 10);
          const to = addMonths(from, months);
          return completedMonths(from, to) === months || (Number(from.slice(8)) > 28 && completedMonths(from, to) >= months - 1);
        },
      ),
    );
  });
});
