import { Injectable } from '@nestjs/common';
import { fromEpochDay } from './iso-date.util';

/** China's civil time zone: UTC+8 all year (no daylight saving since 1991), so a fixed offset is exact. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';
const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** The calendar day in China of an instant, `YYYY-MM-DD`, whatever the server's time zone. */
export function chinaDay(at: Date): string {
  return fromEpochDay(Math.floor((at.getTime() + OFFSET_MS) / DAY_MS));
}

/** The instant a calendar day starts in China. */
export const startOfChinaDay = (date: string): string => `${date}T00:00:00+08:00`;

/**
 * "Now" and "today in China" for every domain: statutory days, periods and windows are days of the
 * Chinese civil calendar. One injectable, so tests can pin the time of a running app (jest.spyOn(clock, 'now')).
 */
@Injectable()
export class ChinaClock {
  now(): Date {
    return new Date();
  }

  today(): string {
    return chinaDay(this.now());
  }
}
