import { Injectable } from '@nestjs/common';
import { Database } from '@tongban/database';
import { day, escalated, settled, TodayQueueSource } from './ops.sql';
import { ItemFacts, ItemKind, OpsSource, QueueDef } from './ops.types';

const FINDING = `CASE i.kind WHEN 'overlap' THEN '重复提供' WHEN 'gap' THEN '漏提供' ELSE '无法匹配' END`;

/** Each queue's rows; $1 is today (China). Columns as RawQueueRow. */
const ROWS: Record<string, string> = {
  'ledger-handoffs': `
    SELECT h.handoff_id::text AS id, h.service_code || ' ' || h.from_region || '→' || h.to_region || ' · 待接收地答复' AS title,
           h.subject_ref, ARRAY[h.from_region::text, h.to_region::text] AS regions, h.status,
           h.proposed_at AS waiting_since, ${day('h.proposed_on')} AS started_on, ${day('h.deadline')} AS due_on, NULL::int AS statutory_working_days,
           h.deadline < $1::date AS overdue, (h.escalated_at IS NOT NULL OR ${escalated('handoff', 'h.handoff_id::text')}) AS escalated
      FROM ledger.handoffs h WHERE h.status = 'proposed'`,
  'ledger-disputes': `
    SELECT h.handoff_id::text AS id, h.service_code || ' ' || h.from_region || '→' || h.to_region || ' · 转出地异议: ' || coalesce(h.answer_reason, '') AS title,
           h.subject_ref, ARRAY[h.from_region::text, h.to_region::text] AS regions, h.status,
           coalesce(h.answered_at, h.proposed_at) AS waiting_since, ${day('h.proposed_on')} AS started_on, ${day('h.deadline')} AS due_on,
           NULL::int AS statutory_working_days, h.deadline < $1::date AS overdue, ${escalated('handoff', 'h.handoff_id::text')} AS escalated
      FROM ledger.handoffs h WHERE h.status = 'disputed'`,
  'ledger-fact-disputes': `
    SELECT f.change_id::text AS id, f.kind || coalesce(' ' || f.branch, '') || ' ' || f.from_region || '→' || f.to_region || ' · 转出地异议: ' || coalesce(f.objection_reason, '') AS title,
           f.subject_ref, ARRAY[f.from_region::text, f.to_region::text] AS regions, f.status,
           coalesce(f.objected_at, f.stated_at) AS waiting_since, ${day('f.stated_at::date')} AS started_on, ${day('f.objection_deadline')} AS due_on,
           NULL::int AS statutory_working_days, false AS overdue, false AS escalated
      FROM ledger.fact_changes f WHERE f.status = 'disputed' AND $1::date IS NOT NULL`,
  'ledger-gaps': `
    SELECT g.gap_id::text AS id, g.service_code || ' ' || g.period_key || ' · 期间结束无人申领' AS title,
           g.subject_ref, ARRAY[g.region::text] AS regions, 'open' AS status, g.detected_at AS waiting_since,
           ${day('g.period_end')} AS started_on, NULL::text AS due_on, NULL::int AS statutory_working_days, false AS overdue, false AS escalated
      FROM ledger.gaps g WHERE g.resolved_at IS NULL AND $1::date IS NOT NULL AND NOT ${settled('gap', 'g.gap_id::text')}`,
  'ledger-reconciliation': `
    SELECT i.reconciliation_id::text || ':' || i.item_no AS id, ${FINDING} || ' ' || i.service_code || ' ' || i.period_key AS title,
           i.subject_ref, ARRAY[r.region::text] || i.other_regions AS regions, i.kind AS status,
           coalesce(r.completed_at, r.created_at) AS waiting_since, NULL::text AS started_on, NULL::text AS due_on,
           NULL::int AS statutory_working_days, false AS overdue, false AS escalated
      FROM ledger.reconciliation_items i JOIN ledger.reconciliations r USING (reconciliation_id)
     WHERE $1::date IS NOT NULL AND NOT ${settled('reconciliation-item', `i.reconciliation_id::text || ':' || i.item_no`)}`,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface HandoffRow {
  handoff_id: string;
  subject_ref: string;
  service_code: string;
  from_region: string;
  to_region: string;
  status: string;
  reason: string;
  proposed_on: string;
  deadline: string;
  proposed_at: Date;
  escalated_at: Date | null;
  answered_at: Date | null;
  answer_reason: string | null;
}

/** The responsibility ledger's operator queues: pending handoffs, disputes (handoffs, fact changes), gaps, reconciliation findings. */
@Injectable()
export class LedgerQueueRepository extends TodayQueueSource implements OpsSource {
  readonly requires = [
    'ledger.handoffs',
    'ledger.fact_changes',
    'ledger.gaps',
    'ledger.reconciliations',
    'ledger.reconciliation_items',
    'ledger.outbox',
  ];
  readonly queues: QueueDef[] = [
    { id: 'ledger-handoffs', label: '待处理交接', group: '待处理交接', kind: 'handoff', statutory: true },
    { id: 'ledger-disputes', label: '争议·交接异议', group: '争议', kind: 'handoff', statutory: true },
    { id: 'ledger-fact-disputes', label: '争议·户籍/参保变更异议', group: '争议', kind: 'fact-change', statutory: false },
    { id: 'ledger-gaps', label: '缺口', group: '缺口与档案比对', kind: 'gap', statutory: false },
    { id: 'ledger-reconciliation', label: '档案比对差异', group: '缺口与档案比对', kind: 'reconciliation-item', statutory: false },
  ];
  readonly kinds: ItemKind[] = ['handoff', 'fact-change', 'gap', 'reconciliation-item'];

  constructor(db: Database) {
    super(db);
  }

  protected rowsSql(queueId: string): string {
    return ROWS[queueId];
  }

  find(kind: ItemKind, id: string): Promise<ItemFacts | undefined> {
    if (kind === 'handoff') return this.handoff(id);
    if (kind === 'fact-change') return this.factChange(id);
    if (kind === 'gap') return this.gap(id);
    return this.finding(id);
  }

  private async handoff(id: string): Promise<ItemFacts | undefined> {
    if (!UUID.test(id)) return undefined;
    const h = await this.db.one<HandoffRow>(
      `SELECT handoff_id, subject_ref, service_code, from_region, to_region, status, reason, ${day('proposed_on')} AS proposed_on,
              ${day('deadline')} AS deadline, proposed_at, escalated_at, answered_at, answer_reason
         FROM ledger.handoffs WHERE handoff_id = $1`,
      [id],
    );
    if (!h) return undefined;
    return {
      kind: 'handoff',
      id: h.handoff_id,
      title: `${h.service_code} ${h.from_region}→${h.to_region}`,
      subjectRef: h.subject_ref,
      status: h.status,
      decidable: false,
      facts: {
        serviceCode: h.service_code,
        fromRegion: h.from_region,
        toRegion: h.to_region,
        status: h.status,
        reason: h.reason,
        proposedOn: h.proposed_on,
        deadline: h.deadline,
        escalatedAt: h.escalated_at?.toISOString() ?? null,
        answeredAt: h.answered_at?.toISOString() ?? null,
        answerReason: h.answer_reason,
        decideWith:
          h.status === 'disputed' || (h.status === 'proposed' && h.escalated_at !== null)
            ? `POST /v1/handoffs/${h.handoff_id}/decision`
            : null,
      },
      history: [{ schema: 'ledger', match: { handoffId: h.handoff_id } }],
      auditPaths: [`/v1/handoffs/${h.handoff_id}`, `/v1/ops/items/handoff/${h.handoff_id}`],
    };
  }

  private async factChange(id: string): Promise<ItemFacts | undefined> {
    if (!UUID.test(id)) return undefined;
    const f = await this.db.one<{
      change_id: string;
      subject_ref: string;
      kind: string;
      branch: string | null;
      from_region: string;
      to_region: string;
      effective_on: string;
      status: string;
      objection_deadline: string;
      objection_reason: string | null;
      decision: string | null;
      note: string | null;
    }>(
      `SELECT change_id, subject_ref, kind, branch, from_region, to_region, ${day('effective_on')} AS effective_on, status, ${day('objection_deadline')} AS objection_deadline,
              objection_reason, decision, note FROM ledger.fact_changes WHERE change_id = $1`,
      [id],
    );
    if (!f) return undefined;
    return {
      kind: 'fact-change',
      id: f.change_id,
      title: `${f.kind}${f.branch ? ` ${f.branch}` : ''} ${f.from_region}→${f.to_region}`,
      subjectRef: f.subject_ref,
      status: f.status,
      decidable: false,
      facts: {
        kind: f.kind,
        branch: f.branch,
        fromRegion: f.from_region,
        toRegion: f.to_region,
        effectiveOn: f.effective_on,
        objectionDeadline: f.objection_deadline,
        objectionReason: f.objection_reason,
        decision: f.decision,
        note: f.note,
        decideWith: `POST /v1/fact-changes/${f.change_id}/decision`,
      },
      history: [{ schema: 'ledger', match: { changeId: f.change_id } }],
      auditPaths: [`/v1/fact-changes/${f.change_id}`],
    };
  }

  private async gap(id: string): Promise<ItemFacts | undefined> {
    if (!UUID.test(id)) return undefined;
    const g = await this.db.one<{
      gap_id: string;
      subject_ref: string;
      service_code: string;
      period_key: string;
      region: string;
      period_end: string;
      detected_at: Date;
      resolved_at: Date | null;
    }>(
      `SELECT gap_id, subject_ref, service_code, period_key, region, ${day('period_end')} AS period_end, detected_at, resolved_at FROM ledger.gaps WHERE gap_id = $1`,
      [id],
    );
    if (!g) return undefined;
    return {
      kind: 'gap',
      id: g.gap_id,
      title: `${g.service_code} ${g.period_key}`,
      subjectRef: g.subject_ref,
      status: g.resolved_at ? 'resolved' : 'open',
      decidable: g.resolved_at === null,
      facts: {
        serviceCode: g.service_code,
        periodKey: g.period_key,
        region: g.region,
        periodEnd: g.period_end,
        detectedAt: g.detected_at.toISOString(),
        resolvedAt: g.resolved_at?.toISOString() ?? null,
      },
      history: [{ schema: 'ledger', match: { gapId: g.gap_id } }],
      auditPaths: [`/v1/ops/items/gap/${g.gap_id}`],
    };
  }

  private async finding(id: string): Promise<ItemFacts | undefined> {
    const [reconciliationId, itemNo] = id.split(':');
    if (!UUID.test(reconciliationId ?? '') || !/^[0-9]{1,18}$/.test(itemNo ?? '')) return undefined;
    const i = await this.db.one<{
      kind: string;
      subject_ref: string;
      service_code: string;
      period_key: string;
      other_regions: string[];
      line_no: string | null;
      region: string;
      created_at: Date;
    }>(
      `SELECT i.kind, i.subject_ref, i.service_code, i.period_key, i.other_regions, i.line_no, r.region, r.created_at
         FROM ledger.reconciliation_items i JOIN ledger.reconciliations r USING (reconciliation_id)
        WHERE i.reconciliation_id = $1 AND i.item_no = $2`,
      [reconciliationId, itemNo],
    );
    if (!i) return undefined;
    return {
      kind: 'reconciliation-item',
      id,
      title: `${i.kind} ${i.service_code} ${i.period_key}`,
      subjectRef: i.subject_ref,
      status: i.kind,
      decidable: true,
      facts: {
        reconciliationId,
        itemNo: Number(itemNo),
        finding: i.kind,
        serviceCode: i.service_code,
        periodKey: i.period_key,
        uploadingRegion: i.region,
        otherRegions: i.other_regions.join(','),
        lineNo: i.line_no === null ? null : Number(i.line_no),
        uploadedAt: i.created_at.toISOString(),
      },
      history: [{ schema: 'ledger', match: { reconciliationId } }],
      auditPaths: [`/v1/reconciliations/${reconciliationId}`, `/v1/ops/items/reconciliation-item/${id}`],
    };
  }
}
