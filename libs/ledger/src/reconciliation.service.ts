import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ServiceCatalogue } from '@tongban/catalogue';
import { Database } from '@tongban/database';
import { DomainError, ErrorCode } from '@tongban/errors';
import { Actor, containsCitizenId } from '@tongban/identity';
import { LineTooLongError, lines } from './ndjson.lines';
import { periodOf } from './period.rules';
import { DuePeriodStart, Reconciliation, ReconciliationItem, ReconciliationRepository, StagedRecord } from './reconciliation.repository';

const BATCH = 2000;
const MAX_LINE = 1024;
const SUBJECT_REF = /^s[1-9][0-9]*_[A-Za-z0-9_-]{32}$/;
const SERVICE = /^[a-z]+\.[a-z0-9-]+$/;
const PERIOD = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,99}$/;

function parseRecord(text: string, lineNo: number): StagedRecord {
  const bad = (message: string): DomainError =>
    new DomainError(ErrorCode.ValidationFailed, `line ${lineNo}: ${message}; nothing was stored`, {
      line: lineNo,
      errors: [{ field: `/body/${lineNo}`, message }],
    });
  if (containsCitizenId(text)) throw bad('a record names a person by subjectRef only: the line carries a citizen ID number');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw bad('not a JSON object');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad('not a JSON object');
  const { subjectRef, serviceCode, periodKey, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0) throw bad(`unknown property ${Object.keys(rest)[0]}`);
  if (typeof subjectRef !== 'string' || !SUBJECT_REF.test(subjectRef))
    throw bad('subjectRef must be a subject reference (s<version>_…), never a citizen ID number');
  if (typeof serviceCode !== 'string' || !SERVICE.test(serviceCode)) throw bad('serviceCode must be a catalogue code');
  if (typeof periodKey !== 'string' || !PERIOD.test(periodKey)) throw bad('periodKey must be 1-100 characters of [A-Za-z0-9:._-]');
  return { lineNo, subjectRef, serviceCode, periodKey };
}

/**
 * 档案比对: a region uploads its provision records (NDJSON, one {subjectRef, serviceCode, periodKey}
 * per line). The body is read as a stream and staged in batches, so memory stays bounded whatever the
 * size; the comparison runs in SQL. One transaction: a malformed line stores nothing.
 */
@Injectable()
export class ReconciliationService {
  constructor(
    private readonly db: Database,
    private readonly repo: ReconciliationRepository,
    private readonly catalogue: ServiceCatalogue,
  ) {}

  async upload(body: AsyncIterable<Buffer | string>, actor: Actor): Promise<Reconciliation> {
    const region = actor.region;
    if (region === null) throw new DomainError(ErrorCode.Forbidden, 'a reconciliation is uploaded by a region');
    const id = randomUUID();
    return this.db.tx(async () => {
      await this.repo.create(id, region, actor);
      let batch: StagedRecord[] = [];
      try {
        for await (const { lineNo, text } of lines(body, MAX_LINE)) {
          if (text.trim() === '') continue;
          batch.push(parseRecord(text, lineNo));
          if (batch.length >= BATCH) {
            await this.repo.stage(id, region, batch);
            batch = [];
          }
        }
      } catch (error) {
        if (error instanceof LineTooLongError)
          throw new DomainError(ErrorCode.ValidationFailed, `line ${error.lineNo} is longer than ${MAX_LINE} characters`, {
            line: error.lineNo,
          });
        throw error;
      }
      await this.repo.stage(id, region, batch);
      await this.repo.compare(id, region, this.periodStarts(await this.repo.periodsOf(id)));
      return (await this.repo.find(id)) as Reconciliation;
    });
  }

  /** The start of each uploaded (service, period) of a periodic service: gaps are judged there. */
  private periodStarts(pairs: Array<{ serviceCode: string; periodKey: string }>): DuePeriodStart[] {
    return pairs.flatMap(({ serviceCode, periodKey }) => {
      const item = this.catalogue.find(serviceCode);
      const period = item?.entitlementNeedsClaimPerPeriod ? periodOf(item.periodicity, periodKey) : undefined;
      return period ? [{ serviceCode, periodKey, start: period.start }] : [];
    });
  }

  /** Visible to the agency that uploaded it, of its region, and to operators. */
  async get(id: string, viewer: Pick<Actor, 'region' | 'agency'>): Promise<Reconciliation> {
    const r = await this.repo.find(id);
    if (!r || (viewer.region !== null && (viewer.region !== r.region || viewer.agency !== r.agency)))
      throw new DomainError(ErrorCode.NotFound, 'no such reconciliation');
    return r;
  }

  async items(
    id: string,
    viewer: Pick<Actor, 'region' | 'agency'>,
    cursor: string | undefined,
    limit: number,
  ): Promise<{ items: ReconciliationItem[]; next: string | null }> {
    await this.get(id, viewer);
    const items = await this.repo.items(id, cursor === undefined ? 0 : Number(cursor), limit);
    return { items, next: items.length === limit ? String(items[items.length - 1].itemNo) : null };
  }
}
