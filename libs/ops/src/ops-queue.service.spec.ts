import { ChinaClock, WorkingDayCalendar } from '@tongban/calendar';
import { DomainError, ErrorCode } from '@tongban/errors';
import { ItemHistoryRepository } from './item-history.repository';
import { OpsQueueService } from './ops-queue.service';
import { ItemFacts, OpsSource, QueueDef, QueueRow } from './ops.types';
import { OperatorViewsRepository } from './operator-views.repository';

const row = (over: Partial<QueueRow>): QueueRow => ({
  id: 'a',
  title: 't',
  subjectRef: null,
  regions: ['440100'],
  serviceCode: null,
  status: 'open',
  waitingSince: new Date('2026-09-30T00:00:00Z'),
  startedOn: null,
  dueOn: null,
  dueOnProvisional: false,
  statutoryWorkingDays: null,
  overdue: false,
  escalated: false,
  ...over,
});

function source(id: string, behaviour: { fail?: string; rows?: QueueRow[]; facts?: ItemFacts } = {}): OpsSource {
  const queue: QueueDef = { id, label: id, group: 'g', kind: 'statement-line', statutory: true };
  const maybeFail = (): void => {
    if (behaviour.fail) throw Object.assign(new Error('missing'), { code: behaviour.fail });
  };
  return {
    reads: { schema: id, queues: [queue], itemKinds: ['statement-line'] },
    kinds: ['statement-line'],
    counts: async () => {
      maybeFail();
      return { total: behaviour.rows?.length ?? 0, overdue: 0, oldestAt: null };
    },
    rows: async (_q, _t, _f, limit, offset) => {
      maybeFail();
      return (behaviour.rows ?? []).slice(offset, offset + limit);
    },
    find: async (_kind, id) => (behaviour.facts?.id === id ? behaviour.facts : undefined),
  };
}

/** The views each schema has; verify() fails for any other, as the real one does on a missing view. */
class FakeViews {
  constructor(private readonly present: Set<string>) {}
  async verify(reads: { schema: string }): Promise<void> {
    if (!this.present.has(reads.schema)) throw new Error(`the operator views of schema ${reads.schema} are missing or incomplete`);
  }
}

class FakeHistory {
  decided: string[] = [];
  auditAsked: { paths: string[]; requestIds: string[] } | undefined;
  async decisions(): Promise<[]> {
    return [];
  }
  async events(): Promise<Array<{ requestId: string | null }>> {
    return [{ requestId: 'req-create' }, { requestId: null }, { requestId: 'req-create' }, { requestId: 'req-step' }];
  }
  async audit(paths: string[], requestIds: string[]): Promise<[]> {
    this.auditAsked = { paths, requestIds };
    return [];
  }
  async decide(_k: string, id: string, action: string): Promise<{ id: string; action: string }> {
    if (this.decided.includes(`${id}:${action}`)) throw Object.assign(new Error('dup'), { code: '23505' });
    this.decided.push(`${id}:${action}`);
    return { id: '1', action };
  }
}

class FixedClock extends ChinaClock {
  constructor(private readonly at = new Date('2026-10-10T02:00:00Z')) {
    super(); // default: 10:00 in China on 2026-10-10
  }
  override now(): Date {
    return this.at;
  }
}

function service(sources: OpsSource[], history = new FakeHistory(), clock = new FixedClock()): OpsQueueService {
  return new OpsQueueService(
    sources,
    new FakeViews(new Set(sources.map((x) => x.reads.schema).filter((x) => x !== 'absent'))) as unknown as OperatorViewsRepository,
    history as unknown as ItemHistoryRepository,
    new WorkingDayCalendar(),
    clock,
  );
}

describe('OpsQueueService', () => {
  it("refuses to start when a source's views are missing", async () => {
    await expect(service([source('here'), source('absent')]).onApplicationBootstrap()).rejects.toThrow('schema absent');
    await expect(service([source('here')]).onApplicationBootstrap()).resolves.toBeUndefined();
  });

  it('never hides a failing source: a missing table or column is an error, not an empty queue', async () => {
    const s = service([source('here'), source('broken', { fail: '42703' })]);
    await expect(s.summaries()).rejects.toThrow('missing');
    await expect(s.items('broken', {}, 10, 0)).rejects.toThrow('missing');
    await expect(s.items('nowhere', {}, 10, 0)).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });

  it('counts working days on the official calendar: the 国庆 week and its make-up Saturday', async () => {
    // 2026-09-30 + 15 working days; 1–7 October are holidays, Saturday 10 October is a make-up working day
    const s = service([source('q', { rows: [row({ startedOn: '2026-09-30', dueOn: '2026-10-28' })] })]);
    const page = await s.items('q', {}, 10, 0);
    const cal = new WorkingDayCalendar();
    expect(page.items[0].statutoryWorkingDays).toBe(cal.workingDaysBetween('2026-09-30', '2026-10-28'));
    expect(page.items[0].workingDaysLeft).toBe(cal.workingDaysBetween('2026-10-10', '2026-10-28'));
    expect(page.items[0].link).toBe('/v1/ops/items/statement-line/a');
    expect(page.items[0].ageSeconds).toBe(10 * 86400 + 2 * 3600);
  });

  it('counts an overdue item negative, never 0: a deadline that ran out on Friday is -1 over the weekend', async () => {
    // due Friday 2026-11-13; Saturday and Sunday add no working day, Tuesday is the second past it
    const due = row({ startedOn: '2026-10-23', dueOn: '2026-11-13', overdue: true });
    const left = async (chinaDay: string): Promise<number | null> =>
      (
        await service([source('q', { rows: [due] })], new FakeHistory(), new FixedClock(new Date(`${chinaDay}T10:00:00+08:00`))).items(
          'q',
          {},
          10,
          0,
        )
      ).items[0].workingDaysLeft;
    expect(await left('2026-11-14')).toBe(-1);
    expect(await left('2026-11-15')).toBe(-1);
    expect(await left('2026-11-16')).toBe(-1);
    expect(await left('2026-11-17')).toBe(-2);
    // on the due day itself it is not overdue: 0 left
    expect(
      (
        await service(
          [source('q', { rows: [{ ...due, overdue: false }] })],
          new FakeHistory(),
          new FixedClock(new Date('2026-11-13T10:00:00+08:00')),
        ).items('q', {}, 10, 0)
      ).items[0].workingDaysLeft,
    ).toBe(0);
    // overdue although the (recounted, provisional) due day has not come: still negative
    expect(
      (
        await service(
          [source('q', { rows: [{ ...due, dueOn: '2026-11-20' }] })],
          new FakeHistory(),
          new FixedClock(new Date('2026-11-16T10:00:00+08:00')),
        ).items('q', {}, 10, 0)
      ).items[0].workingDaysLeft,
    ).toBe(-1);
  });

  it('finds an item of any kind by its own id, and links the audit entries of the requests that wrote its events', async () => {
    const facts: ItemFacts = {
      kind: 'statement-line',
      id: 'line-1',
      title: 't',
      subjectRef: 's1_x',
      status: 'accepted',
      decidable: false,
      facts: {},
      history: [],
      auditPaths: ['/v1/x/line-1'],
      requestIds: ['req-domain', 'req-create'],
    };
    const history = new FakeHistory();
    const s = service([source('q', { facts })], history);
    expect(await s.search('line-1')).toEqual({
      q: 'line-1',
      items: [
        {
          kind: 'statement-line',
          id: 'line-1',
          title: 't',
          subjectRef: 's1_x',
          status: 'accepted',
          link: '/v1/ops/items/statement-line/line-1',
        },
      ],
    });
    expect((await s.search('line-2')).items).toEqual([]);
    await s.item('statement-line', 'line-1');
    expect(history.auditAsked).toEqual({ paths: ['/v1/x/line-1'], requestIds: ['req-domain', 'req-create', 'req-step'] });
  });

  it('pages with a next offset only while more items remain', async () => {
    const rows = ['a', 'b', 'c'].map((id) => row({ id }));
    const s = service([source('q', { rows })]);
    expect((await s.items('q', {}, 2, 0)).next).toBe(2);
    expect((await s.items('q', {}, 2, 2)).next).toBeNull();
  });

  it('accepts only the actions of the kind and state, and turns a second settlement into a 409', async () => {
    const facts: ItemFacts = {
      kind: 'statement-line',
      id: 'h',
      title: 't',
      subjectRef: null,
      status: 'disputed',
      decidable: true,
      facts: {},
      history: [],
      auditPaths: [],
      requestIds: [],
    };
    const s = service([source('q', { facts })]);
    await expect(s.decide('statement-line', 'h', 'resolve', 'n', 'op', null)).rejects.toMatchObject({ code: ErrorCode.RuleViolated });
    await expect(s.decide('statement-line', 'h', 'close', 'n', 'op', null)).resolves.toMatchObject({ action: 'close' });
    const second = s.decide('statement-line', 'h', 'close', 'n', 'op', null);
    await expect(second).rejects.toBeInstanceOf(DomainError);
    await expect(second).rejects.toMatchObject({ code: ErrorCode.InvalidTransition });
    const closed = service([source('q', { facts: { ...facts, status: 'accepted', decidable: false } })]);
    await expect(closed.decide('statement-line', 'h', 'close', 'n', 'op', null)).rejects.toMatchObject({
      code: ErrorCode.InvalidTransition,
    });
  });
});
