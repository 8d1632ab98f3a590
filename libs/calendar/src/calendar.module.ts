import { Module } from '@nestjs/common';
import { ChinaClock } from './china.clock';
import { WorkingDayCalendar } from './working-day.calendar';

@Module({ providers: [WorkingDayCalendar, ChinaClock], exports: [WorkingDayCalendar, ChinaClock] })
export class CalendarModule {}
