import chineseDaysDataset from 'chinese-days/dist/chinese-days.json';
import { WorkingDayCalendar } from '@tongban/calendar';

type DateMap = Record<string, string>;
export interface HolidayDataset {
  holidays: DateMap;
  workdays: DateMap;
}

const through = (map: DateMap, lastYear: number): DateMap =>
  Object.fromEntries(Object.entries(map).filter(([date]) => Number(date.slice(0, 4)) <= lastYear));

/**
 * The installed chinese-days dataset cut after `lastYear`: tests of the provisional calendar pin where the
 * official schedule ends, so they keep passing when a newer chinese-days release covers 2027.
 */
export function datasetThrough(lastYear: number): HolidayDataset {
  return { holidays: through(chineseDaysDataset.holidays, lastYear), workdays: through(chineseDaysDataset.workdays, lastYear) };
}

export const calendarThrough = (lastYear: number): WorkingDayCalendar => new WorkingDayCalendar(datasetThrough(lastYear));

/**
 * "A newer dataset arrives": the 2026 schedule plus a 2027 schedule INVENTED for tests (not the State
 * Council's, which is not published yet), shaped like the recent ones: New Year Jan 1–3; Spring Festival
 * Feb 5–13 with Sun Jan 31 and Sat Feb 20 worked; National Day Oct 1–7 with Sun Sep 26 and Sat Oct 9 worked.
 */
export function datasetWithSimulated2027(): HolidayDataset {
  const base = datasetThrough(2026);
  const holidays: DateMap = { ...base.holidays };
  const workdays: DateMap = { ...base.workdays };
  const off = (from: number, to: number, month: string, label: string): void => {
    for (let d = from; d <= to; d++) holidays[`2027-${month}-${String(d).padStart(2, '0')}`] = label;
  };
  off(1, 3, '01', "New Year's Day,元旦,1");
  off(5, 13, '02', 'Spring Festival,春节,4');
  off(1, 7, '10', 'National Day,国庆节,3');
  workdays['2027-01-31'] = 'Spring Festival,春节,4';
  workdays['2027-02-20'] = 'Spring Festival,春节,4';
  workdays['2027-09-26'] = 'National Day,国庆节,3';
  workdays['2027-10-09'] = 'National Day,国庆节,3';
  return { holidays, workdays };
}
