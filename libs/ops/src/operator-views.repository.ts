import { Injectable } from '@nestjs/common';
import { Database, OPERATOR_ITEM_COLUMNS, OPERATOR_QUEUE_COLUMNS, OperatorReads } from '@tongban/database';
import { countsOf, filterParams, pageOf, queueRowsSql, RawCounts, RawQueueRow, toCounts, toQueueRow } from './ops.sql';
import { HistoryQuery, ItemFacts, ItemKind, QueueCounts, QueueFilter, QueueRow } from './ops.types';

const SCHEMA = /^[a-z][a-z0-9_]*$/;

const schemaOf = (reads: OperatorReads): string => {
  if (!SCHEMA.test(reads.schema)) throw new Error(`invalid schema ${reads.schema}`);
  return reads.schema;
};

interface RawItem {
  title: string;
  subject_ref: string | null;
  status: string;
  decidable: boolean;
  facts: ItemFacts['facts'];
  history: HistoryQuery[];
  audit_paths: string[];
  request_ids: string[];
}

/** Reads the operator views and functions the libs own (OperatorReads); never a lib's tables. */
@Injectable()
export class OperatorViewsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Fails unless the lib's view and function exist with every column the console reads: a renamed or
   * missing column stops the gateway at start instead of hiding a queue.
   */
  async verify(reads: OperatorReads): Promise<void> {
    const schema = schemaOf(reads);
    try {
      await this.db.query(`SELECT ${OPERATOR_QUEUE_COLUMNS.join(', ')} FROM ${schema}.operator_queue LIMIT 0`);
      if (reads.itemKinds.length > 0)
        await this.db.query(`SELECT ${OPERATOR_ITEM_COLUMNS.join(', ')} FROM ${schema}.operator_item('', '') LIMIT 0`);
    } catch (error) {
      throw new Error(`the operator views of schema ${schema} are missing or incomplete: ${(error as Error).message}`, { cause: error });
    }
  }

  async counts(reads: OperatorReads, queueId: string, today: string, filter: QueueFilter): Promise<QueueCounts> {
    return toCounts(await this.db.one<RawCounts>(countsOf(queueRowsSql(schemaOf(reads))), [queueId, today, ...filterParams(filter)]));
  }

  async rows(
    reads: OperatorReads,
    queueId: string,
    today: string,
    filter: QueueFilter,
    limit: number,
    offset: number,
  ): Promise<QueueRow[]> {
    const rows = await this.db.query<RawQueueRow>(pageOf(queueRowsSql(schemaOf(reads))), [
      queueId,
      today,
      ...filterParams(filter),
      limit,
      offset,
    ]);
    return rows.map(toQueueRow);
  }

  async item(reads: OperatorReads, kind: ItemKind, id: string): Promise<ItemFacts | undefined> {
    const r = await this.db.one<RawItem>(`SELECT ${OPERATOR_ITEM_COLUMNS.join(', ')} FROM ${schemaOf(reads)}.operator_item($1, $2)`, [
      kind,
      id,
    ]);
    if (!r) return undefined;
    return {
      kind,
      id,
      title: r.title,
      subjectRef: r.subject_ref,
      status: r.status,
      decidable: r.decidable,
      facts: r.facts,
      history: r.history,
      auditPaths: r.audit_paths,
      requestIds: r.request_ids,
    };
  }
}
