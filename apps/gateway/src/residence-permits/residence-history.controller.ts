import { Controller, Get, Param, Query } from '@nestjs/common';
import type { Schemas } from '@tongban/contracts';
import { Caller, CurrentCaller } from '@tongban/http';
import { ResidenceHistoryService } from '@tongban/residence';

/** Owns exactly /v1/subjects/{subjectRef}/residence-history (the ledger owns the other subject paths). */
@Controller('v1/subjects')
export class ResidenceHistoryController {
  constructor(private readonly history: ResidenceHistoryService) {}

  @Get(':subjectRef/residence-history')
  get(
    @Param('subjectRef') subjectRef: string,
    @Query('asOf') asOf: string | undefined,
    @CurrentCaller() caller: Caller,
  ): Promise<Schemas['ResidenceHistory']> {
    return this.history.history(subjectRef, caller.region, asOf);
  }
}
