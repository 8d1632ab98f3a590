import { Body, Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { operations, Schemas } from '@tongban/contracts';
import { actorOf, Caller, CurrentCaller } from '@tongban/http';
import { ItemKind, OpsQueueService, QueueFilter } from '@tongban/ops';

type FilterQuery = NonNullable<operations['listOperatorQueueItems']['parameters']['query']>;

/** The operators' filters, validated against the contract before the handler runs (overdue coerced to a boolean). */
const filterOf = (query: FilterQuery): QueueFilter => ({
  region: query.region,
  service: query.service,
  status: query.status,
  overdue: query.overdue,
  q: query.q,
});

@Controller('v1/ops')
export class OpsQueuesController {
  constructor(private readonly queues: OpsQueueService) {}

  @Get('queues')
  list(@Query() query: FilterQuery): Promise<Schemas['OperatorQueueList']> {
    return this.queues.summaries(filterOf(query));
  }

  @Get('queues/:queueId/items')
  items(@Param('queueId') queueId: string, @Query() query: FilterQuery): Promise<Schemas['OperatorQueuePage']> {
    return this.queues.items(queueId, filterOf(query), query.limit ?? 50, query.offset ?? 0);
  }

  @Get('search')
  search(@Query('q') q: string): Promise<Schemas['OperatorSearchResult']> {
    return this.queues.search(q);
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
