import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { Schemas } from '@tongban/contracts';
import { Caller, CurrentCaller } from '@tongban/http';
import { PointsAllotmentService } from '@tongban/ledger';
import { requestActor } from '../gateway.request';

/** The residence city's points decisions: the only way a points condition is met. */
@Controller('v1/points-allotments')
export class PointsAllotmentsController {
  constructor(private readonly allotments: PointsAllotmentService) {}

  @Post()
  @HttpCode(201)
  allot(
    @Body() body: Schemas['PointsAllotmentRequest'],
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ): Promise<Schemas['PointsAllotment']> {
    return this.allotments.allot(body, requestActor(caller, req));
  }
}
