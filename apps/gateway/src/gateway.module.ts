import { Module } from '@nestjs/common';
import { ConfigModule } from '@tongban/config';
import { DatabaseModule, MESSAGING_MIGRATIONS } from '@tongban/database';
import { GatewayHttpModule } from '@tongban/http';
import { IdentityModule } from '@tongban/identity';
import { LoggingModule } from '@tongban/logging';
import { DEAD_LETTER_MIGRATIONS, MessagingModule } from '@tongban/messaging';
import { RESIDENCE_MIGRATIONS, ResidenceModule } from '@tongban/residence';
import { DeadLettersController } from './ops/dead-letters.controller';
import { ResidencePermitsController } from './residence-permits/residence-permits.controller';

export const GATEWAY_SCHEMA = 'gateway';

/**
 * The REST edge for provincial systems. Synchronous commands run here, in-process, through the
 * domain libraries (state change + outbox in one transaction); the adapters relay and consume.
 */
@Module({
  imports: [
    ConfigModule.forRoot(),
    LoggingModule.forApp('gateway'),
    DatabaseModule.forRoot([
      { schema: GATEWAY_SCHEMA, dirs: [MESSAGING_MIGRATIONS, 'libs/http/migrations'] },
      DEAD_LETTER_MIGRATIONS,
      RESIDENCE_MIGRATIONS,
    ]),
    MessagingModule.forRoot([GATEWAY_SCHEMA]),
    IdentityModule,
    GatewayHttpModule,
    ResidenceModule,
  ],
  controllers: [ResidencePermitsController, DeadLettersController],
})
export class GatewayModule {}
