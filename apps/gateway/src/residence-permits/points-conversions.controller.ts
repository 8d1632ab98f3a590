import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { Schemas } from '@tongban/contracts';
import { Caller, CurrentCaller } from '@tongban/http';
import { PointsConversionService } from '@tongban/residence';

@Controller('v1/points-conversions')
export class PointsConversionsController {
  constructor(private readonly points: PointsConversionService) {}

  @Post()
  @HttpCode(200)
  convert(@Body() body: Schemas['PointsConversionRequest'], @CurrentCaller() caller: Caller): Promise<Schemas['PointsConversion']> {
    return this.points.convert(body, caller.region);
  }
}
