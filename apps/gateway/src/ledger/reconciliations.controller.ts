import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { Schemas } from '@tongban/contracts';
import { Caller, CurrentCaller } from '@tongban/http';
import { ReconciliationService } from '@tongban/ledger';
import { requestActor } from '../gateway.request';

@Controller('v1/reconciliations')
export class ReconciliationsController {
  constructor(private readonly reconciliations: ReconciliationService) {}

  /** The NDJSON body is not parsed by any body parser: the request itself is the stream. */
  @Post()
  @HttpCode(202)
  upload(@Req() req: Request, @CurrentCaller() caller: Caller): Promise<Schemas['Reconciliation']> {
    return this.reconciliations.upload(req, requestActor(caller, req));
  }

  @Get(':reconciliationId')
  get(@Param('reconciliationId') id: string, @CurrentCaller() caller: Caller): Promise<Schemas['Reconciliation']> {
    return this.reconciliations.get(id, caller);
  }

  @Get(':reconciliationId/items')
  items(
    @Param('reconciliationId') id: string,
    @Query('cursor') cursor: string | undefined,
    @Query('limit') limit = 100,
    @CurrentCaller() caller: Caller,
  ): Promise<Schemas['ReconciliationItemPage']> {
    return this.reconciliations.items(id, caller, cursor, limit);
  }
}
