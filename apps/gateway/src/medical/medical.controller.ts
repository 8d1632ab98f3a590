import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Schemas } from '@tongban/contracts';
import { Caller, CurrentCaller } from '@tongban/http';
import { ClearingService, FilingService, SettlementService } from '@tongban/medical';
import { requestActor } from '../gateway.request';

/** Cross-region medical settlement: filings, direct settlements, monthly clearing (paths validated by the contract). */
@Controller('v1/medical')
export class MedicalController {
  constructor(
    private readonly filings: FilingService,
    private readonly settlements: SettlementService,
    private readonly clearing: ClearingService,
  ) {}

  @Post('filings')
  @HttpCode(201)
  registerFiling(
    @Body() body: Schemas['RegisterFilingRequest'],
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ): Promise<Schemas['MedicalFiling']> {
    return this.filings.register(body, requestActor(caller, req));
  }

  @Get('filings/:filingId')
  getFiling(@Param('filingId') filingId: string, @CurrentCaller() caller: Caller): Promise<Schemas['MedicalFiling']> {
    return this.filings.get(filingId, caller.region);
  }

  @Post('filings/:filingId/cancellation')
  @HttpCode(200)
  cancelFiling(
    @Param('filingId') filingId: string,
    @Body() body: Schemas['CancelFilingRequest'] | undefined,
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ): Promise<Schemas['MedicalFiling']> {
    return this.filings.cancel(filingId, body, requestActor(caller, req));
  }

  /** 201 when recorded now, 200 with the original when the same settlement was recorded before. */
  @Post('settlements')
  async recordSettlement(
    @Body() body: Schemas['RecordSettlementRequest'],
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Schemas['MedicalSettlement']> {
    const { settlement, created } = await this.settlements.record(body, requestActor(caller, req));
    res.status(created ? 201 : 200);
    return settlement;
  }

  @Get('clearings/:month')
  getClearing(@Param('month') month: string, @CurrentCaller() caller: Caller): Promise<Schemas['MedicalClearing']> {
    return this.clearing.month(month, caller.region);
  }

  @Post('clearings/:month/statements/:statementId/confirmation')
  @HttpCode(200)
  confirm(
    @Param('month') month: string,
    @Param('statementId') statementId: string,
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ): Promise<Schemas['ClearingStatement']> {
    return this.clearing.confirm(month, statementId, requestActor(caller, req));
  }

  @Post('clearings/:month/statements/:statementId/disputes')
  @HttpCode(200)
  dispute(
    @Param('month') month: string,
    @Param('statementId') statementId: string,
    @Body() body: Schemas['DisputeLinesRequest'],
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ): Promise<Schemas['ClearingStatement']> {
    return this.clearing.dispute(month, statementId, body, requestActor(caller, req));
  }
}
