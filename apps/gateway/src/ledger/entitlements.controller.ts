import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { Schemas } from '@tongban/contracts';
import { Caller, CurrentCaller } from '@tongban/http';
import { ProvisionClaimService } from '@tongban/ledger';
import { requestActor } from '../gateway.request';

@Controller('v1/entitlements')
export class EntitlementsController {
  constructor(private readonly claims: ProvisionClaimService) {}

  @Post()
  @HttpCode(201)
  open(@Body() body: Schemas['EntitlementRequest'], @CurrentCaller() caller: Caller, @Req() req: Request): Promise<Schemas['Entitlement']> {
    return this.claims.openEntitlement(body, requestActor(caller, req));
  }
}
