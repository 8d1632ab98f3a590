/**
 * Operators' command line over the same REST APIs as the console (nothing touches the database):
 *   tongban-ops dead-letters [open|replayed|all]
 *   tongban-ops replay <deadLetterId> | replay --all [consumerGroup]
 *   tongban-ops audit-verify
 * TONGBAN_URL (default http://127.0.0.1:8080) and TONGBAN_TOKEN (an operator credential).
 */
const base = process.env.TONGBAN_URL ?? 'http://127.0.0.1:8080';
const credential = process.env.TONGBAN_TOKEN ?? 'dev-token-operator';

async function api(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${credential}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload: unknown = await res.json().catch(() => undefined);
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${JSON.stringify(payload)}`);
  return payload;
}

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'dead-letters': {
      const page = (await api('GET', `/v1/ops/dead-letters?state=${rest[0] ?? 'open'}&limit=500`)) as { items: Array<Record<string, unknown>> };
      for (const d of page.items) console.log(`${String(d.id).padStart(6)}  ${String(d.consumer)}  ${String(d.eventType)}  ${String(d.errorCode)}  ${String(d.createdAt)}  ${d.replayedAt ? 'replayed' : 'open'}`);
      console.log(`${page.items.length} dead letter(s)`);
      return 0;
    }
    case 'replay': {
      if (rest[0] === '--all') console.log(JSON.stringify(await api('POST', '/v1/ops/dead-letters/replay', rest[1] ? { consumer: rest[1] } : {})));
      else if (rest[0]) console.log(JSON.stringify(await api('POST', `/v1/ops/dead-letters/${rest[0]}/replay`)));
      else throw new Error('replay needs a dead-letter id or --all');
      return 0;
    }
    case 'audit-verify': {
      const report = (await api('GET', '/v1/ops/audit/verification')) as { ok: boolean; checked: number; firstBroken?: unknown };
      console.log(JSON.stringify(report, null, 2));
      return report.ok ? 0 : 2;
    }
    default:
      console.error('usage: tongban-ops dead-letters [open|replayed|all] | replay <id>|--all [group] | audit-verify');
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
