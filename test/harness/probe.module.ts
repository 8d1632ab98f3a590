import { Module } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ConfigModule } from '@tongban/config';
import { Database, DatabaseModule, MESSAGING_MIGRATIONS } from '@tongban/database';
import { DomainError, ErrorCode } from '@tongban/errors';
import { HealthModule } from '@tongban/http';
import { LoggingModule } from '@tongban/logging';
import { CloudEvent, DEAD_LETTER_MIGRATIONS, DOMAIN_TOPICS, EventContext, EventController, MessagingModule } from '@tongban/messaging';

export const PROBE_SCHEMA = 'probe';
export const PROBE_GROUP = { groupId: 'tongban.probe', topics: [DOMAIN_TOPICS.residence.name], inboxSchema: PROBE_SCHEMA };

/** Switches the tests flip: which permit numbers fail, and how. */
export const probeBehaviour = { poisonHealed: false };

/** The attempt numbers the handler was called with, by permit number: a retry seen from inside the consumer. */
export const probeAttempts = new Map<string, number[]>();

/**
 * A consumer used only by the backbone tests: it applies permit-issued events as rows in
 * probe.effects, fails permanently for permit numbers starting POISON (until healed) and transiently
 * on the first attempt for FLAKY ones, after writing the effect (so the failed attempt's effect must
 * be rolled back with it).
 */
@EventController()
class ProbeHandler {
  constructor(private readonly db: Database) {}

  @EventPattern('cn.gov.tongban.residence.permit-issued.v1')
  async onPermitIssued(@Payload() event: CloudEvent<{ permitNumber: string }>, @Ctx() ctx: EventContext): Promise<void> {
    const permitNumber = event.data.permitNumber;
    probeAttempts.set(permitNumber, [...(probeAttempts.get(permitNumber) ?? []), ctx.coordinates.attempt]);
    if (permitNumber.startsWith('POISON') && !probeBehaviour.poisonHealed)
      throw new DomainError(ErrorCode.RuleViolated, 'probe refuses poison');
    await this.db.query(`INSERT INTO probe.effects (event_id, permit_number) VALUES ($1, $2)`, [event.id, permitNumber]);
    if (permitNumber.startsWith('FLAKY') && ctx.coordinates.attempt < 2) throw new Error('transient probe failure');
  }
}

@Module({
  imports: [
    ConfigModule.forRoot(),
    LoggingModule.forApp('probe'),
    DatabaseModule.forRoot([
      { schema: PROBE_SCHEMA, dirs: [MESSAGING_MIGRATIONS, 'test/fixtures/probe-migrations'] },
      DEAD_LETTER_MIGRATIONS,
    ]),
    MessagingModule.forRoot([]),
    HealthModule,
  ],
  controllers: [ProbeHandler],
})
export class ProbeModule {}
