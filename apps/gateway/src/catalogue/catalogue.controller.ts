import { Controller, Get, Query } from '@nestjs/common';
import type { Schemas } from '@tongban/contracts';
import { CatalogueViewService } from '@tongban/ledger';

@Controller('v1/catalogue')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueViewService) {}

  @Get()
  get(@Query('on') on: string | undefined): Schemas['Catalogue'] {
    return this.catalogue.view(on);
  }
}
