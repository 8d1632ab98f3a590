import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { Schemas } from '@tongban/contracts';
import { Access, Caller, CurrentCaller } from '@tongban/http';
import { PermitService } from '@tongban/residence';
import { requestActor } from '../gateway.request';

@Controller('v1/residence-permits')
@Access('region')
export class ResidencePermitsController {
  constructor(private readonly permits: PermitService) {}

  @Post()
  @HttpCode(201)
  issue(@Body() body: Schemas['IssuePermitRequest'], @CurrentCaller() caller: Caller, @Req() req: Request): Promise<Schemas['Permit']> {
    return this.permits.issue(body, requestActor(caller, req));
  }

  @Get(':permitId')
  get(@Param('permitId') permitId: string, @CurrentCaller() caller: Caller): Promise<Schemas['Permit']> {
    return this.permits.get(permitId, caller.region);
  }
}
