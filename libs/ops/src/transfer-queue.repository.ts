import { Injectable } from '@nestjs/common';
import { Database } from '@tongban/database';
import { chinaMidnight, day, TodayQueueSource } from './ops.sql';
import { ItemFacts, ItemKind, OpsSource, QueueDef } from './ops.types';

const GROUP = '社保转移接续队列';
const INSURANCE = `CASE insurance_type WHEN 'pension' THEN '养老保险' ELSE '医疗保险' END`;

/** The open states, one queue each: the step the awaited region has to take next. */
const STEPS: Record<string, { state: string; label: string; step: string }> = {
  'si-transfers-certificate': { state: 'requested', label: '待出具参保缴费凭证', step: 'certificate' },
  'si-transfers-remittance': { state: 'certified', label: '待转移基金', step: 'remittance' },
  'si-transfers-receipt': { state: 'remitted', label: '待转入地确认接收', step: 'receipt' },
};

const rowsOf = (state: string, label: string): string => `
  SELECT transfer_id::text AS id, ${INSURANCE} || ' ' || outbound_region || '→' || inbound_region || ' · ${label}' AS title,
         subject_ref, ARRAY[outbound_region::text, inbound_region::text] AS regions, state || '/' || clock_party AS status,
         ${chinaMidnight('clock_started_on')} AS waiting_since, ${day('clock_started_on')} AS started_on, ${day('due_on')} AS due_on,
         clock_working_days AS statutory_working_days,
         (overdue_since IS NOT NULL OR (due_on IS NOT NULL AND due_on < $1::date)) AS overdue, false AS escalated
    FROM social_insurance.transfers WHERE state = '${state}'`;

interface TransferRow {
  transfer_id: string;
  subject_ref: string;
  insurance_type: string;
  inbound_region: string;
  outbound_region: string;
  hukou_region: string | null;
  state: string;
  clock_party: string | null;
  clock_started_on: string | null;
  clock_working_days: number | null;
  due_on: string | null;
  overdue_since: string | null;
  transfer_fen: string | null;
  created_at: Date;
  updated_at: Date;
}

/** 社保转移接续: open transfers by the step they wait for, with the statutory clock of that step. */
@Injectable()
export class TransferQueueRepository extends TodayQueueSource implements OpsSource {
  readonly requires = ['social_insurance.transfers', 'social_insurance.outbox'];
  readonly queues: QueueDef[] = Object.entries(STEPS).map(([id, s]) => ({
    id,
    label: `社保转移接续·${s.label}`,
    group: GROUP,
    kind: 'transfer',
    statutory: true,
  }));
  readonly kinds: ItemKind[] = ['transfer'];

  constructor(db: Database) {
    super(db);
  }

  protected rowsSql(queueId: string): string {
    return rowsOf(STEPS[queueId].state, STEPS[queueId].label);
  }

  async find(_kind: ItemKind, id: string): Promise<ItemFacts | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const r = await this.db.one<TransferRow>(
      `SELECT transfer_id, subject_ref, insurance_type, inbound_region, outbound_region, hukou_region, state, clock_party,
              ${day('clock_started_on')} AS clock_started_on, clock_working_days, ${day('due_on')} AS due_on, ${day('overdue_since')} AS overdue_since,
              transfer_fen, created_at, updated_at
         FROM social_insurance.transfers WHERE transfer_id = $1`,
      [id],
    );
    if (!r) return undefined;
    return {
      kind: 'transfer',
      id: r.transfer_id,
      title: `${r.insurance_type === 'pension' ? '养老保险' : '医疗保险'} ${r.outbound_region}→${r.inbound_region}`,
      subjectRef: r.subject_ref,
      status: r.state,
      decidable: false,
      facts: {
        insuranceType: r.insurance_type,
        outboundRegion: r.outbound_region,
        inboundRegion: r.inbound_region,
        hukouRegion: r.hukou_region,
        state: r.state,
        awaitingParty: r.clock_party,
        clockStartedOn: r.clock_started_on,
        statutoryWorkingDays: r.clock_working_days,
        dueOn: r.due_on,
        overdueSince: r.overdue_since,
        transferFen: r.transfer_fen === null ? null : Number(r.transfer_fen),
        createdAt: r.created_at.toISOString(),
        updatedAt: r.updated_at.toISOString(),
      },
      history: [{ schema: 'social_insurance', match: { transferId: r.transfer_id } }],
      auditPaths: [`/v1/social-insurance/transfers/${r.transfer_id}`, `/v1/ops/items/transfer/${r.transfer_id}`],
    };
  }
}
