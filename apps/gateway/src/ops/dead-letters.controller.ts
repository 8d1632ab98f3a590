import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import type { Schemas } from '@tongban/contracts';
import { actorOf, Caller, CurrentCaller } from '@tongban/http';
import { DeadLetterService } from '@tongban/messaging';

@Controller('v1/ops/dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLetterService) {}

  @Get()
  list(
    @Query('state') state: 'open' | 'replayed' | 'all' = 'open',
    @Query('consumer') consumer: string | undefined,
    @Query('limit') limit = 50,
    @Query('after') after: string | undefined,
  ): Promise<Schemas['DeadLetterPage']> {
    return this.deadLetters.list({ state, consumer, limit, after });
  }

  @Post('replay')
  @HttpCode(200)
  replayAll(@Body() body: Schemas['ReplayAllRequest'] | undefined, @CurrentCaller() caller: Caller): Promise<Schemas['ReplayAllResult']> {
    return this.deadLetters.replayAll(actorOf(caller), body?.consumer);
  }

  @Post(':deadLetterId/replay')
  @HttpCode(200)
  replay(@Param('deadLetterId') id: string, @CurrentCaller() caller: Caller): Promise<Schemas['DeadLetter']> {
    return this.deadLetters.replay(id, actorOf(caller));
  }
}
