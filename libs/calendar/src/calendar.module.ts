import { Module } from '@nestjs/common';
import { WorkingDayCalendar } from './working-day.calendar';

@Module({ providers: [WorkingDayCalendar], exports: [WorkingDayCalendar] })
export class CalendarModule {}
