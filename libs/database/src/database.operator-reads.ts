import type { Schemas } from '@tongban/contracts';

/** One operator queue as the console lists it. */
export interface OperatorQueueDef {
  id: string;
  /** Chinese label shown in the console */
  label: string;
  /** the console groups queues under these headings (社保转移接续队列, 争议, …) */
  group: string;
  kind: Schemas['OperatorItemKind'];
  /** true when items carry a statutory deadline in working days */
  statutory: boolean;
}

/** The columns of every `<schema>.operator_queue` view, in order. */
export const OPERATOR_QUEUE_COLUMNS = [
  'queue',
  'kind',
  'id',
  'title',
  'subject_ref',
  'regions',
  'status',
  'waiting_since',
  'started_on',
  'due_on',
  'statutory_working_days',
  'overdue_from',
  'escalated',
  'due_on_provisional',
  // the catalogue service the item concerns (null: none) and the other ids it is found by (the operators' search)
  'service_code',
  'refs',
] as const;

/**
 * The columns `<schema>.operator_item(kind, id)` returns; `request_ids` are the requests that created
 * or changed the item (from the domain's rows), whose audit entries may lie on a collection path.
 */
export const OPERATOR_ITEM_COLUMNS = [
  'title',
  'subject_ref',
  'status',
  'decidable',
  'facts',
  'history',
  'audit_paths',
  'request_ids',
] as const;

/**
 * What a lib offers operators, owned by the lib and created by its migrations: a view
 * `<schema>.operator_queue` (one row per waiting item, columns OPERATOR_QUEUE_COLUMNS) and, for
 * `itemKinds`, a function `<schema>.operator_item(kind, id)`. libs/ops composes these and has no SQL
 * of its own on a domain's tables.
 */
export interface OperatorReads {
  schema: string;
  queues: readonly OperatorQueueDef[];
  /** kinds whose page `<schema>.operator_item` answers */
  itemKinds: readonly Schemas['OperatorItemKind'][];
}
