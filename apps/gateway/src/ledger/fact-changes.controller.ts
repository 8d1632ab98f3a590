import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { Schemas } from '@tongban/contracts';
import { Caller, CurrentCaller } from '@tongban/http';
import { FactChangeService } from '@tongban/ledger';
import { requestActor } from '../gateway.request';

/** Facts stated by the region that gains them (hukou moves, insured regions), and their answers. */
@Controller('v1')
export class FactChangesController {
  constructor(private readonly changes: FactChangeService) {}

  @Post('hukou-moves')
  @HttpCode(202)
  moveHukou(
    @Body() body: Schemas['HukouMoveRequest'],
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ): Promise<Schemas['FactChange']> {
    return this.changes.stateHukouMove(body, requestActor(caller, req));
  }

  @Post('insured-region-changes')
  @HttpCode(202)
  changeInsuredRegion(
    @Body() body: Schemas['InsuredRegionChangeRequest'],
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ): Promise<Schemas['FactChange']> {
    return this.changes.stateInsuredRegion(body, requestActor(caller, req));
  }

  @Get('fact-changes/:changeId')
  get(@Param('changeId') changeId: string, @CurrentCaller() caller: Caller): Promise<Schemas['FactChange']> {
    return this.changes.get(changeId, caller.region);
  }

  @Post('fact-changes/:changeId/consent')
  @HttpCode(200)
  consent(@Param('changeId') changeId: string, @CurrentCaller() caller: Caller, @Req() req: Request): Promise<Schemas['FactChange']> {
    return this.changes.consent(changeId, requestActor(caller, req));
  }

  @Post('fact-changes/:changeId/objection')
  @HttpCode(200)
  object(
    @Param('changeId') changeId: string,
    @Body() body: Schemas['ObjectionRequest'],
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ): Promise<Schemas['FactChange']> {
    return this.changes.object(changeId, body.reason, requestActor(caller, req));
  }

  @Post('fact-changes/:changeId/decision')
  @HttpCode(200)
  decide(
    @Param('changeId') changeId: string,
    @Body() body: Schemas['FactChangeDecisionRequest'],
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ): Promise<Schemas['FactChange']> {
    return this.changes.decide(changeId, body.outcome, body.note, requestActor(caller, req));
  }
}
