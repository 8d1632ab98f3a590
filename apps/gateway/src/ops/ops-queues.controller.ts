import { Body, Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { Schemas } from '@tongban/contracts';
import { actorOf, Caller, CurrentCaller } from '@tongban/http';
import { ItemKind, OpsQueueService } from '@tongban/ops';

@Controller('v1/ops')
export class OpsQueuesController {
  constructor(private readonly queues: OpsQueueService) {}

  @Get('queues')
  list(): Promise<Schemas['OperatorQueueList']> {
    return this.queues.summaries();
  }

  @Get('queues/:queueId/items')
  items(@Param('queueId') queueId: string, @Query('limit') limit = 50, @Query('offset') offset = 0): Promise<Schemas['OperatorQueuePage']> {
    return this.queues.items(queueId, limit, offset);
  }

  @Get('items/:kind/:itemId')
  item(@Param('kind') kind: ItemKind, @Param('itemId') itemId: string): Promise<Schemas['OperatorItem']> {
    return this.queues.item(kind, itemId);
  }

  @Post('items/:kind/:itemId/decisions')
  decide(
    @Param('kind') kind: ItemKind,
    @Param('itemId') itemId: string,
    @Body() body: Schemas['OperatorDecisionRequest'],
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ): Promise<Schemas['OperatorDecision']> {
    return this.queues.decide(kind, itemId, body.action, body.note, actorOf(caller), typeof req.id === 'string' ? req.id : null);
  }
}
