import { Controller, Get } from '@nestjs/common';
import type { Schemas } from '@tongban/contracts';

import { KafkaHealthService } from '@tongban/ops';

@Controller('v1/ops/kafka')
export class OpsKafkaController {
  constructor(private readonly kafka: KafkaHealthService) {}

  @Get()
  report(): Promise<Schemas['KafkaHealth']> {
    return this.kafka.report();
  }
}
