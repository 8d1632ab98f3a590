export * from './calendar.errors';
export * from './calendar.module';
export * from './working-day.calendar';
export type { DayKind } from './working-day.dataset';
export { STATUTORY_RULES_FROM, statutoryDaysOff, type StatutoryDayOff } from './statutory-holidays.rules';
export { fromEpochDay, isIsoDate, toEpochDay } from './iso-date.util';
export { addDays, addMonths, assertDateWithin, type DateWindow, daysInMonth, EARLIEST_DATE, LATEST_DATE } from './date-window';
export { CHINA_TIME_ZONE, ChinaClock, chinaDay, startOfChinaDay } from './china.clock';
