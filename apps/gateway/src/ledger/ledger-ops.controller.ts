import { Controller, Get, Query } from '@nestjs/common';
import type { Schemas } from '@tongban/contracts';

import { GapRepository, HandoffService } from '@tongban/ledger';

@Controller('v1/ops/ledger')
export class LedgerOpsController {
  constructor(
    private readonly gaps: GapRepository,
    private readonly handoffs: HandoffService,
  ) {}

  @Get('gaps')
  async listGaps(@Query('limit') limit = 50, @Query('after') after: string | undefined): Promise<Schemas['GapPage']> {
    const items = await this.gaps.open(limit, after);
    return { items, next: items.length === limit ? items[items.length - 1].gapId : null };
  }

  @Get('handoffs')
  listHandoffs(@Query('limit') limit = 50, @Query('after') after: string | undefined): Promise<Schemas['HandoffPage']> {
    return this.handoffs.operatorQueue(limit, after);
  }
}
