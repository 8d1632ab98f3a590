import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ChinaClock } from '@tongban/calendar';
import { Database } from '@tongban/database';
import { OutboxWriter } from '@tongban/messaging';
import { ClearingRepository } from './clearing.repository';
import { shiftMonth } from './medical.rules';
import { ClearingStatement, MEDICAL_SCHEMA, MEDICAL_SOURCE } from './medical.types';

export interface ClearingRun {
  month: string;
  issued: ClearingStatement[];
}

/**
 * Issues the monthly clearing statements: for every (insured province, treatment province) pair with
 * something to clear, one statement of the month holding an original line for each settlement
 * recorded in the month not yet counted, and a correction line for each line disputed in an earlier
 * cycle not yet carried. One run at a time (advisory lock); a pair's statement of a month is issued
 * once (unique), so re-running is harmless and anything arriving later rolls into the next cycle.
 */
@Injectable()
export class ClearingJob {
  constructor(
    private readonly db: Database,
    private readonly clearing: ClearingRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: ChinaClock,
  ) {}

  /** month: the cycle to issue (YYYY-MM); by default the month before the current one (China time). */
  async run(month: string = shiftMonth(this.clock.today().slice(0, 7), -1)): Promise<ClearingRun> {
    if (!/^[0-9]{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Error(`not a clearing month: ${month}`);
    return this.db.tx(async () => {
      await this.clearing.lockRun();
      const issued: ClearingStatement[] = [];
      for (const pair of await this.clearing.pairsToClear(month)) {
        const statementId = randomUUID();
        if (!(await this.clearing.createStatement(statementId, month, pair))) continue;
        await this.clearing.addOriginalLines(statementId, month, pair);
        await this.clearing.addCorrectionLines(statementId, month, pair);
        const statement = (await this.clearing.statement(statementId)) as ClearingStatement;
        await this.outbox.append(MEDICAL_SCHEMA, {
          type: 'cn.gov.tongban.medical.statement-issued.v1',
          subject: statementId,
          source: `${pair.treatmentProvince}/${MEDICAL_SOURCE}`,
          recipients: [pair.insuredProvince, pair.treatmentProvince],
          data: {
            statementId,
            month,
            insuredProvince: statement.insuredProvince,
            treatmentProvince: statement.treatmentProvince,
            lineCount: statement.lineCount,
            originalCount: statement.originalCount,
            correctionCount: statement.correctionCount,
            totalFen: statement.totalFen,
            fundPaidFen: statement.fundPaidFen,
            selfPaidFen: statement.selfPaidFen,
            issuedAt: statement.issuedAt,
          },
        });
        issued.push(statement);
      }
      return { month, issued };
    });
  }
}
