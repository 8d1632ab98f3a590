import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { Schemas } from '@tongban/contracts';
import { Caller, CurrentCaller } from '@tongban/http';
import { HandoffService } from '@tongban/ledger';
import { requestActor } from '../gateway.request';

@Controller('v1/handoffs')
export class HandoffsController {
  constructor(private readonly handoffs: HandoffService) {}

  @Get(':handoffId')
  get(@Param('handoffId') handoffId: string, @CurrentCaller() caller: Caller): Promise<Schemas['Handoff']> {
    return this.handoffs.get(handoffId, caller.region);
  }

  @Post(':handoffId/accept')
  @HttpCode(200)
  accept(
    @Param('handoffId') handoffId: string,
    @Body() body: Schemas['AcceptHandoffRequest'],
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ): Promise<Schemas['Handoff']> {
    return this.handoffs.accept(handoffId, body.effectiveFrom, requestActor(caller, req));
  }

  @Post(':handoffId/reject')
  @HttpCode(200)
  reject(
    @Param('handoffId') handoffId: string,
    @Body() body: Schemas['HandoffReasonRequest'],
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ): Promise<Schemas['Handoff']> {
    return this.handoffs.reject(handoffId, body.reason, requestActor(caller, req));
  }

  @Post(':handoffId/decision')
  @HttpCode(200)
  decide(
    @Param('handoffId') handoffId: string,
    @Body() body: Schemas['HandoffDecisionRequest'],
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ): Promise<Schemas['Handoff']> {
    return this.handoffs.decide(handoffId, body, requestActor(caller, req));
  }

  @Post(':handoffId/object')
  @HttpCode(200)
  object(
    @Param('handoffId') handoffId: string,
    @Body() body: Schemas['HandoffReasonRequest'],
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ): Promise<Schemas['Handoff']> {
    return this.handoffs.object(handoffId, body.reason, requestActor(caller, req));
  }
}
