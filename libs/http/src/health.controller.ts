import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Database } from '@tongban/database';
import { KafkaClient } from '@tongban/messaging';

/** Liveness (the process answers) and readiness (PostgreSQL and Kafka reachable). */
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: Database,
    private readonly kafka: KafkaClient,
  ) {}

  @Get('live')
  @HttpCode(200)
  live(): { status: 'up' } {
    return { status: 'up' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<{ status: 'up' | 'down'; checks: Record<string, 'up' | 'down'> }> {
    const [database, kafka] = await Promise.all([
      this.db.query('SELECT 1').then(
        () => 'up' as const,
        () => 'down' as const,
      ),
      this.kafka
        .producer()
        .then(async () => {
          const admin = this.kafka.kafka.admin();
          try {
            await admin.connect();
            await admin.describeCluster();
            return 'up' as const;
          } finally {
            await admin.disconnect();
          }
        })
        .catch(() => 'down' as const),
    ]);
    const status = database === 'up' && kafka === 'up' ? 'up' : 'down';
    res.status(status === 'up' ? 200 : 503);
    return { status, checks: { database, kafka } };
  }
}
