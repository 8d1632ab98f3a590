export * from './calendar.errors';
export * from './calendar.module';
export * from './working-day.calendar';
export type { DayKind } from './working-day.dataset';
export { fromEpochDay, isIsoDate, toEpochDay } from './iso-date.util';
