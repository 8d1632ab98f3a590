import { Controller, Get, Header } from '@nestjs/common';
import { metrics } from '@tongban/metrics';

/** Prometheus scrape endpoint; the network policy, not a credential, restricts who scrapes it. */
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return metrics().registry.metrics();
  }
}
