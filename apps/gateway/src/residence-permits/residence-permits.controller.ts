import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { Schemas } from '@tongban/contracts';
import { Caller, CurrentCaller } from '@tongban/http';
import { PermitLifecycleService, PermitService } from '@tongban/residence';
import { requestActor } from '../gateway.request';

@Controller('v1/residence-permits')
export class ResidencePermitsController {
  constructor(
    private readonly permits: PermitService,
    private readonly lifecycle: PermitLifecycleService,
  ) {}

  @Post()
  @HttpCode(201)
  issue(@Body() body: Schemas['IssuePermitRequest'], @CurrentCaller() caller: Caller, @Req() req: Request): Promise<Schemas['Permit']> {
    return this.permits.issue(body, requestActor(caller, req));
  }

  @Get(':permitId')
  get(@Param('permitId') permitId: string, @CurrentCaller() caller: Caller): Promise<Schemas['Permit']> {
    return this.permits.get(permitId, caller.region);
  }

  @Post(':permitId/endorsements')
  @HttpCode(200)
  endorse(
    @Param('permitId') permitId: string,
    @Body() body: Schemas['EndorsePermitRequest'],
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ): Promise<Schemas['Permit']> {
    return this.lifecycle.endorse(permitId, body, requestActor(caller, req));
  }

  @Post(':permitId/renewals')
  @HttpCode(200)
  renew(
    @Param('permitId') permitId: string,
    @Body() body: Schemas['RenewPermitRequest'],
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ): Promise<Schemas['Permit']> {
    return this.lifecycle.renew(permitId, body, requestActor(caller, req));
  }

  @Post(':permitId/cancellation')
  @HttpCode(200)
  cancel(
    @Param('permitId') permitId: string,
    @Body() body: Schemas['CancelPermitRequest'],
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ): Promise<Schemas['Permit']> {
    return this.lifecycle.cancel(permitId, body, requestActor(caller, req));
  }
}
