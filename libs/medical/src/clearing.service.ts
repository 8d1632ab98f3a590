import { Injectable } from '@nestjs/common';
import { Database } from '@tongban/database';
import { DomainError, ErrorCode, FieldError } from '@tongban/errors';
import { Actor, actorLabel } from '@tongban/identity';
import { OutboxWriter } from '@tongban/messaging';
import { provinceOf } from '@tongban/regions';
import { ClearingRepository } from './clearing.repository';
import { ClearingSide, ClearingStatement, DisputeLinesCommand, MEDICAL_SCHEMA, MEDICAL_SOURCE, MedicalClearing } from './medical.types';

/**
 * Monthly clearing between the insured and the treatment province: statements are visible to the
 * two provinces (a city acts for its province) and operators; each side confirms once or, before
 * confirming, disputes lines, which the next cycle carries as corrections.
 */
@Injectable()
export class ClearingService {
  constructor(
    private readonly db: Database,
    private readonly clearing: ClearingRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async month(month: string, region: string | null): Promise<MedicalClearing> {
    return { month, statements: await this.clearing.statementsOfMonth(month, region === null ? null : provinceOf(region)) };
  }

  async confirm(month: string, statementId: string, actor: Actor): Promise<ClearingStatement> {
    return this.db.tx(async () => {
      const { statement, side, region } = await this.forSide(month, statementId, actor);
      if (confirmedAt(statement, side) !== null) return statement; // a repeated confirmation changes nothing
      await this.clearing.confirm(statementId, side, actorLabel(actor));
      const after = (await this.clearing.statement(statementId)) as ClearingStatement;
      await this.outbox.append(MEDICAL_SCHEMA, {
        type: 'cn.gov.tongban.medical.statement-confirmed.v1',
        subject: statementId,
        source: `${region}/${MEDICAL_SOURCE}`,
        recipients: [after.insuredProvince, after.treatmentProvince],
        actor: actorLabel(actor),
        requestId: actor.requestId,
        data: {
          statementId,
          month: after.month,
          insuredProvince: after.insuredProvince,
          treatmentProvince: after.treatmentProvince,
          side,
          confirmedBy: region,
          confirmedAt: confirmedAt(after, side) as string,
          status: after.status,
          payableFen: after.payableFen,
          disputedCount: after.disputedCount,
        },
      });
      return after;
    });
  }

  async dispute(month: string, statementId: string, cmd: DisputeLinesCommand, actor: Actor): Promise<ClearingStatement> {
    const repeated = cmd.lines.map((l, i) => ({ l, i })).filter(({ l, i }) => cmd.lines.findIndex((o) => o.lineId === l.lineId) !== i);
    if (repeated.length > 0) {
      throw new DomainError(ErrorCode.ValidationFailed, 'each line is disputed once per request', {
        errors: repeated.map(({ i }) => ({ field: `/body/lines/${i}/lineId`, message: 'repeated line' })),
      });
    }
    return this.db.tx(async () => {
      const { statement, side, region } = await this.forSide(month, statementId, actor);
      const at = confirmedAt(statement, side);
      if (at !== null)
        throw new DomainError(
          ErrorCode.InvalidTransition,
          `the ${side} side confirmed this statement at ${at}; it can no longer dispute lines`,
          { side },
        );
      const byId = new Map(statement.lines.map((l) => [l.lineId, l]));
      const unknown: FieldError[] = cmd.lines.flatMap((l, i) =>
        byId.has(l.lineId) ? [] : [{ field: `/body/lines/${i}/lineId`, message: 'not a line of this statement' }],
      );
      if (unknown.length > 0)
        throw new DomainError(ErrorCode.RuleViolated, 'only lines of this statement can be disputed', {
          rule: 'line-of-statement',
          errors: unknown,
        });
      const already = cmd.lines.map((l) => byId.get(l.lineId)).filter((l) => l?.status === 'disputed');
      if (already.length > 0) {
        throw new DomainError(ErrorCode.Conflict, `line(s) ${already.map((l) => l?.lineNo).join(', ')} are already disputed`, {
          rule: 'dispute-once',
        });
      }
      const disputed = await this.clearing.dispute(statementId, cmd.lines, side, actorLabel(actor));
      const after = (await this.clearing.statement(statementId)) as ClearingStatement;
      await this.outbox.append(MEDICAL_SCHEMA, {
        type: 'cn.gov.tongban.medical.statement-disputed.v1',
        subject: statementId,
        source: `${region}/${MEDICAL_SOURCE}`,
        recipients: [after.insuredProvince, after.treatmentProvince],
        actor: actorLabel(actor),
        requestId: actor.requestId,
        data: {
          statementId,
          month: after.month,
          insuredProvince: after.insuredProvince,
          treatmentProvince: after.treatmentProvince,
          side,
          disputedBy: region,
          disputedAt: after.lines.find((l) => l.lineId === disputed[0].lineId)?.dispute?.disputedAt as string,
          lines: disputed,
        },
      });
      return after;
    });
  }

  /** The statement, locked, and which side the caller's province is on; invisible statements do not exist. */
  private async forSide(
    month: string,
    statementId: string,
    actor: Actor,
  ): Promise<{ statement: ClearingStatement; side: ClearingSide; region: string }> {
    if (actor.region === null)
      throw new DomainError(ErrorCode.Forbidden, 'only the insured or the treatment province confirms or disputes a statement');
    const statement = await this.clearing.statement(statementId, true);
    const province = provinceOf(actor.region);
    const side: ClearingSide | undefined =
      statement?.insuredProvince === province ? 'insured' : statement?.treatmentProvince === province ? 'treatment' : undefined;
    if (!statement || statement.month !== month || side === undefined)
      throw new DomainError(ErrorCode.NotFound, `no such clearing statement in ${month}`);
    return { statement, side, region: actor.region };
  }
}

const confirmedAt = (s: ClearingStatement, side: ClearingSide): string | null =>
  side === 'insured' ? s.insuredConfirmedAt : s.treatmentConfirmedAt;
