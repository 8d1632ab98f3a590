import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { Schemas } from '@tongban/contracts';
import { Caller, CurrentCaller } from '@tongban/http';
import { ProvisionClaimService } from '@tongban/ledger';
import { requestActor } from '../gateway.request';

@Controller('v1/provision-claims')
export class ProvisionClaimsController {
  constructor(private readonly claims: ProvisionClaimService) {}

  @Post()
  @HttpCode(201)
  claim(
    @Body() body: Schemas['ProvisionClaimRequest'],
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ): Promise<Schemas['ProvisionClaim']> {
    return this.claims.claim(body, requestActor(caller, req)) as Promise<Schemas['ProvisionClaim']>;
  }
}
