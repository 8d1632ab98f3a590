import * as fs from 'node:fs';
import { OpsClient, optionsFromEnv } from './ops-client';

/**
 * Operators' command line over the same REST APIs as the console (nothing touches the database):
 *   tongban-ops dead-letters [open|replayed|all]
 *   tongban-ops replay <deadLetterId> | replay --all [consumerGroup]
 *   tongban-ops audit-verify
 *   tongban-ops queues                      every operator queue: waiting, overdue, oldest age
 *   tongban-ops queue <queueId> [offset]    a page of one queue, overdue first
 *   tongban-ops show <kind> <id>            an item: facts, event history (in order), audit entries, decisions
 *   tongban-ops search <id|subjectRef>      the items an id names (any state), and the queues holding matches
 *   tongban-ops decide <kind> <id> <resolve|escalate|close> <note…>
 *   tongban-ops kafka                       consumer lag per group/partition, outbox backlog, dead letters
 *   tongban-ops reconcile <file.ndjson|-> [idempotency-key]
 *                                           a region's provision records, streamed as one NDJSON upload
 * TONGBAN_URL (default http://127.0.0.1:8080) and a credential: TONGBAN_TOKEN (bearer; an operator's by
 * default, a region agency's for reconcile) or, with mutual TLS, TONGBAN_CERT and TONGBAN_KEY (client
 * certificate and key, PEM) and TONGBAN_CA (the Tongban CA).
 */
const client = new OpsClient(optionsFromEnv(process.env, 'dev-token-operator'));
const api = (method: string, path: string, body?: unknown): Promise<unknown> => client.api(method, path, body);

/** Streams an NDJSON file (or standard input) as one upload and prints the reconciliation (202). */
async function reconcile(file: string | undefined, idempotencyKey: string | undefined): Promise<number> {
  if (!file) throw new Error('reconcile needs an NDJSON file (or - for standard input)');
  const res = await client.reconcile(file === '-' ? process.stdin : fs.createReadStream(file), idempotencyKey);
  if (res.status !== 202) {
    console.error(`POST /v1/reconciliations → ${res.status}: ${JSON.stringify(res.payload, null, 2)}`);
    return 1;
  }
  const r = res.payload as { reconciliationId: string };
  console.log(JSON.stringify(r, null, 2));
  console.log(`items: GET /v1/reconciliations/${r.reconciliationId}/items`);
  return 0;
}

function age(seconds: number | null): string {
  if (seconds === null) return '-';
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86400)}d`;
}

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'dead-letters': {
      const page = (await api('GET', `/v1/ops/dead-letters?state=${rest[0] ?? 'open'}&limit=500`)) as {
        items: Array<Record<string, unknown>>;
      };
      for (const d of page.items)
        console.log(
          `${String(d.id).padStart(6)}  ${String(d.consumer)}  ${String(d.eventType)}  ${String(d.errorCode)}  ${String(d.createdAt)}  ${d.replayedAt ? 'replayed' : 'open'}`,
        );
      console.log(`${page.items.length} dead letter(s)`);
      return 0;
    }
    case 'replay': {
      if (rest[0] === '--all')
        console.log(JSON.stringify(await api('POST', '/v1/ops/dead-letters/replay', rest[1] ? { consumer: rest[1] } : {})));
      else if (rest[0]) console.log(JSON.stringify(await api('POST', `/v1/ops/dead-letters/${rest[0]}/replay`)));
      else throw new Error('replay needs a dead-letter id or --all');
      return 0;
    }
    case 'audit-verify': {
      const report = (await api('GET', '/v1/ops/audit/verification')) as { ok: boolean; checked: number; firstBroken?: unknown };
      console.log(JSON.stringify(report, null, 2));
      return report.ok ? 0 : 2;
    }
    case 'queues': {
      const list = (await api('GET', '/v1/ops/queues')) as {
        today: string;
        queues: Array<{ id: string; label: string; total: number; overdue: number; oldestAgeSeconds: number | null }>;
      };
      console.log(`today (China): ${list.today}`);
      for (const q of list.queues) {
        console.log(
          `${q.id.padEnd(28)} ${String(q.total).padStart(6)} waiting ${String(q.overdue).padStart(5)} overdue  oldest ${age(q.oldestAgeSeconds).padStart(6)}  ${q.label}`,
        );
      }
      return 0;
    }
    case 'queue': {
      if (!rest[0]) throw new Error('queue needs a queue id (see: tongban-ops queues)');
      const page = (await api('GET', `/v1/ops/queues/${encodeURIComponent(rest[0])}/items?limit=100&offset=${Number(rest[1] ?? 0)}`)) as {
        items: Array<{
          kind: string;
          id: string;
          title: string;
          overdue: boolean;
          dueOn: string | null;
          workingDaysLeft: number | null;
          ageSeconds: number;
        }>;
        next: number | null;
      };
      for (const i of page.items) {
        const due = i.dueOn ? `due ${i.dueOn} (${i.workingDaysLeft ?? '?'} wd left)` : 'no statutory deadline';
        console.log(`${i.overdue ? 'OVERDUE ' : '        '}${i.kind} ${i.id}  ${age(i.ageSeconds).padStart(6)}  ${due}  ${i.title}`);
      }
      if (page.next !== null) console.log(`more: tongban-ops queue ${rest[0]} ${page.next}`);
      return 0;
    }
    case 'show': {
      if (!rest[0] || !rest[1]) throw new Error('show needs <kind> <id>');
      console.log(JSON.stringify(await api('GET', `/v1/ops/items/${encodeURIComponent(rest[0])}/${encodeURIComponent(rest[1])}`), null, 2));
      return 0;
    }
    case 'search': {
      if (!rest[0]) throw new Error('search needs an item id or a subjectRef (never a citizen ID number)');
      const q = encodeURIComponent(rest[0]);
      const found = (await api('GET', `/v1/ops/search?q=${q}`)) as {
        items: Array<{ kind: string; id: string; status: string; title: string }>;
      };
      for (const i of found.items) console.log(`${i.kind} ${i.id}  ${i.status}  ${i.title}`);
      const list = (await api('GET', `/v1/ops/queues?q=${q}`)) as { queues: Array<{ id: string; total: number; overdue: number }> };
      for (const queue of list.queues.filter((x) => x.total > 0))
        console.log(`in ${queue.id}: ${queue.total} waiting, ${queue.overdue} overdue (tongban-ops queue ${queue.id})`);
      return 0;
    }
    case 'decide': {
      const [kind, id, action, ...note] = rest;
      if (!kind || !id || !action || note.length === 0) throw new Error('decide needs <kind> <id> <resolve|escalate|close> <note…>');
      console.log(
        JSON.stringify(
          await api('POST', `/v1/ops/items/${encodeURIComponent(kind)}/${encodeURIComponent(id)}/decisions`, {
            action,
            note: note.join(' '),
          }),
        ),
      );
      return 0;
    }
    case 'kafka': {
      console.log(JSON.stringify(await api('GET', '/v1/ops/kafka'), null, 2));
      return 0;
    }
    case 'reconcile':
      return reconcile(rest[0], rest[1]);
    default:
      console.error(
        'usage: tongban-ops dead-letters [open|replayed|all] | replay <id>|--all [group] | audit-verify | queues | queue <queueId> [offset] | show <kind> <id> | search <id|subjectRef> | decide <kind> <id> <action> <note…> | kafka | reconcile <file.ndjson|-> [idempotency-key]',
      );
      return 64;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
