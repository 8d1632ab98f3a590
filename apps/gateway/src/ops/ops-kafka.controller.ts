import { Controller, Get } from '@nestjs/common';
import type { Schemas } from '@tongban/contracts';
import { Access } from '@tongban/http';
import { KafkaHealthService } from '@tongban/ops';

@Controller('v1/ops/kafka')
@Access('operator')
export class OpsKafkaController {
  constructor(private readonly kafka: KafkaHealthService) {}

  @Get()
  report(): Promise<Schemas['KafkaHealth']> {
    return this.kafka.report();
  }
}
