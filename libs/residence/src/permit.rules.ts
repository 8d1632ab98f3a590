import { addDays, addMonths } from '@tongban/calendar';
import { regionName } from '@tongban/regions';
import type { DateWindow } from '@tongban/calendar';
import { addYears } from './residence.dates';

/**
 * 居住证暂行条例 第十四条: a holder who keeps living in the city endorses the permit (签注) within the
 * 30 days before each full year of residence on it; without the endorsement the permit's functions
 * stop (使用功能中止); a late endorsement restores them and the residence years count anew from the
 * late endorsement (居住年限自补办签注手续之日起连续计算).
 *
 * We read "each full year" from the issue date: the first endorsement is due on the first
 * anniversary of issue, the next one year after the previous due date (or after a late
 * endorsement). The article gives no grace after the anniversary, so the grace is 0 days: the
 * functions stop on the day after the due date.
 */
export const ENDORSEMENT_WINDOW_DAYS = 30;
export const ENDORSEMENT_GRACE_DAYS = 0;
export const ENDORSEMENT_RULE = '居住证暂行条例 第十四条';

/** The first day the permit's functions are suspended when the endorsement due on `dueOn` is missed. */
export const lapseDate = (dueOn: string): string => addDays(dueOn, 1 + ENDORSEMENT_GRACE_DAYS);

/** The earliest day an endorsement for `dueOn` is accepted. */
export const windowOpens = (dueOn: string): string => addDays(dueOn, -ENDORSEMENT_WINDOW_DAYS);

/**
 * How far from today the dates a city sends may lie (stated in contracts/openapi.yaml). A permit is
 * valid for at most ten years (local terms run one to five); a city records the permits it issued in
 * the last twenty years (earlier local permit schemes migrated), never one issued in the future; a
 * residence began within a lifetime; a history may be measured up to ten years ahead, as far as a
 * validity reaches.
 */
export const DATE_HORIZONS = Object.freeze({
  maxValidityYears: 10,
  recordYearsBack: 20,
  residenceYearsBack: 100,
  cancellationMonthsAhead: 1,
});

const recorded = (today: string): DateWindow => ({ notBefore: addYears(today, -DATE_HORIZONS.recordYearsBack), notAfter: today });

export const permitWindows = {
  residenceSince: (today: string): DateWindow => ({ notBefore: addYears(today, -DATE_HORIZONS.residenceYearsBack), notAfter: today }),
  issuedOn: recorded,
  /** after the issue day, and at most the longest validity after it */
  validUntil: (issuedOn: string): DateWindow => ({
    notBefore: addDays(issuedOn, 1),
    notAfter: addYears(issuedOn, DATE_HORIZONS.maxValidityYears),
  }),
  endorsedOn: recorded,
  /** a renewed validity has not ended already and runs at most the longest validity from today */
  renewedUntil: (today: string): DateWindow => ({ notBefore: today, notAfter: addYears(today, DATE_HORIZONS.maxValidityYears) }),
  /** a departure already made, or announced up to a month ahead */
  cancelledOn: (today: string): DateWindow => ({
    notBefore: addYears(today, -DATE_HORIZONS.recordYearsBack),
    notAfter: addMonths(today, DATE_HORIZONS.cancellationMonthsAhead),
  }),
  asOf: (today: string): DateWindow => ({
    notBefore: addYears(today, -DATE_HORIZONS.residenceYearsBack),
    notAfter: addYears(today, DATE_HORIZONS.maxValidityYears),
  }),
};

const MUNICIPALITIES: Readonly<Record<string, string>> = { '110100': '北京市', '120100': '天津市', '310100': '上海市', '500100': '重庆市' };

/** '440100 广州市' for explanations. */
export function cityLabel(code: string): string {
  try {
    return `${code} ${MUNICIPALITIES[code] ?? regionName(code)}`;
  } catch {
    return code;
  }
}
