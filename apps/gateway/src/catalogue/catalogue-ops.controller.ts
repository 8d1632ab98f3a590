import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { CataloguePublisher } from '@tongban/catalogue';
import type { Schemas } from '@tongban/contracts';
import { Caller, CurrentCaller } from '@tongban/http';
import { requestActor } from '../gateway.request';

@Controller('v1/ops')
export class CatalogueOpsController {
  constructor(private readonly publisher: CataloguePublisher) {}

  @Get('catalogue/versions')
  versions(): Schemas['CatalogueVersions'] {
    return this.publisher.versions();
  }

  @Post('catalogue/versions')
  @HttpCode(201)
  publishCatalogue(
    @Body() body: Schemas['PublishVersionRequest'],
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ): Promise<Schemas['CatalogueVersion']> {
    return this.publisher.publishCatalogue(body, requestActor(caller, req));
  }

  @Post('city-policies/versions')
  @HttpCode(201)
  publishCityPolicies(
    @Body() body: Schemas['PublishVersionRequest'],
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ): Promise<Schemas['CatalogueVersion']> {
    return this.publisher.publishCityPolicies(body, requestActor(caller, req));
  }
}
