import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { Schemas } from '@tongban/contracts';
import { Caller, CurrentCaller } from '@tongban/http';
import { HandoffCaseService } from '@tongban/ledger';
import { requestActor } from '../gateway.request';

@Controller('v1/handoff-cases')
export class HandoffCasesController {
  constructor(private readonly cases: HandoffCaseService) {}

  @Get(':caseId')
  get(@Param('caseId') caseId: string, @CurrentCaller() caller: Caller): Promise<Schemas['HandoffCase']> {
    return this.cases.get(caseId, caller.region);
  }

  @Post(':caseId/accept')
  @HttpCode(200)
  accept(
    @Param('caseId') caseId: string,
    @Body() body: Schemas['AcceptHandoffCaseRequest'],
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ): Promise<Schemas['HandoffCase']> {
    return this.cases.accept(caseId, body, requestActor(caller, req));
  }

  @Post(':caseId/reject')
  @HttpCode(200)
  reject(
    @Param('caseId') caseId: string,
    @Body() body: Schemas['HandoffCaseReasonRequest'],
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ): Promise<Schemas['HandoffCase']> {
    return this.cases.reject(caseId, body, requestActor(caller, req));
  }

  @Post(':caseId/object')
  @HttpCode(200)
  object(
    @Param('caseId') caseId: string,
    @Body() body: Schemas['HandoffCaseReasonRequest'],
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ): Promise<Schemas['HandoffCase']> {
    return this.cases.object(caseId, body, requestActor(caller, req));
  }
}
