import { Injectable } from '@nestjs/common';
import { ServiceCatalogue } from '@tongban/catalogue';
import type { EventDataByType } from '@tongban/contracts';
import { Database } from '@tongban/database';
import { DomainError, ErrorCode } from '@tongban/errors';
import { Actor, parseCitizenId, SubjectRefs } from '@tongban/identity';
import { assertRegionCode } from '@tongban/regions';
import { HandoffRepository } from './handoff.repository';
import { HandoffService } from './handoff.service';
import { Cause, Handoff, Holder, SubjectFacts } from './ledger.types';
import { isHeld } from './responsibility.rules';
import { ResponsibilityRepository } from './responsibility.repository';
import { SubjectRepository } from './subject.repository';

export type PermitIssued = EventDataByType['cn.gov.tongban.residence.permit-issued.v1'];
/** What every later permit event (endorsed, suspended, renewed, cancelled) says about residence. */
export type PermitChanged = Pick<EventDataByType['cn.gov.tongban.residence.permit-endorsed.v1'], 'permitId' | 'subjectRef' | 'residenceCity' | 'status' | 'residenceYearsCountFrom'>;
export type PermitRecognised = EventDataByType['cn.gov.tongban.residence.permit-recognised.v1'];
export type TransferCompleted = EventDataByType['cn.gov.tongban.social-insurance.transfer-completed.v1'];

/** The date `months` whole months before an ISO date (day clamped to the month's length). */
function monthsBefore(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

type HolderView = Omit<Holder, 'responsibilityId'>;

export interface SubjectResponsibilities {
  subjectRef: string;
  hukouRegion: string;
  residenceCity: string | null;
  insuredRegion: string | null;
  holders: HolderView[];
  /** holders agreed for a future instant (an accepted handoff effective later) */
  upcoming: HolderView[];
  pendingHandoffs: Handoff[];
}

const holderView = (h: Holder): HolderView => ({ serviceCode: h.serviceCode, region: h.region, since: h.since });

/** The system actor of changes the ledger makes on an event it consumed. */
const eventActor = (source: string): Actor => ({ region: /^\d{6}/.test(source) ? source.slice(0, 6) : null, credential: `event:${source}` });

/**
 * The facts the ledger computes responsibility from, and their changes. Every change locks the person,
 * updates the facts and lets HandoffService propose what follows, in one transaction. A future event
 * (permit endorsed, lapsed, cancelled, recognised) is one handler calling one method here that sets
 * the residence facts and calls `changed`.
 */
@Injectable()
export class SubjectService {
  constructor(
    private readonly db: Database,
    private readonly subjects: SubjectRepository,
    private readonly intervals: ResponsibilityRepository,
    private readonly handoffs: HandoffRepository,
    private readonly handoffService: HandoffService,
    private readonly catalogue: ServiceCatalogue,
    private readonly refs: SubjectRefs,
  ) {}

  /**
   * The hukou region registers a person it is the hukou region of, so that claims work before any
   * residence permit. Registering again with the same hukou region changes nothing.
   */
  async register(cmd: { citizenId: string; hukouRegion: string }, actor: Actor): Promise<SubjectResponsibilities> {
    assertRegionCode(cmd.hukouRegion, '/body/hukouRegion');
    if (actor.region !== cmd.hukouRegion) throw new DomainError(ErrorCode.Forbidden, 'only the hukou region registers a person in the ledger');
    const subjectRef = this.refs.ref(parseCitizenId(cmd.citizenId));
    return this.db.tx(async () => {
      const existing = await this.subjects.lock(subjectRef);
      if (existing && existing.hukouRegion !== cmd.hukouRegion) {
        throw new DomainError(ErrorCode.Conflict, `the person is registered with hukou region ${existing.hukouRegion}; a hukou move is reported by the new hukou region`, {
          subjectRef,
        });
      }
      if (!existing) await this.create(this.blank(subjectRef, cmd.hukouRegion), { reason: `registered by hukou region ${cmd.hukouRegion}` }, actor);
      return this.view(subjectRef);
    });
  }

  /** permit-issued: the person lives in the permit's city; residence-based services follow by handoff. */
  async recordPermitIssued(p: PermitIssued, eventId: string, source: string): Promise<void> {
    const actor = eventActor(source);
    const cause: Cause = { reason: `residence permit issued by ${p.residenceCity}`, eventId };
    await this.db.tx(async () => {
      const facts = (await this.subjects.lock(p.subjectRef)) ?? (await this.create(this.blank(p.subjectRef, p.hukouRegion), cause, actor));
      await this.changed({ ...facts, residenceCity: p.residenceCity, permitId: p.permitId, residenceSince: p.residenceSince }, cause, actor);
    });
  }

  /**
   * A later event of the person's permit: an active permit keeps or restores the residence (a late
   * endorsement restarts the residence years); a suspended or cancelled one ends it, so
   * residence-based services are proposed back to the hukou region. Events of a permit the ledger no
   * longer follows (an older one) change nothing.
   */
  async recordPermitChanged(p: PermitChanged, eventId: string, source: string): Promise<void> {
    const actor = eventActor(source);
    const cause: Cause = { reason: `residence permit ${p.status} (${p.residenceCity})`, eventId };
    await this.db.tx(async () => {
      const facts = await this.subjects.lock(p.subjectRef);
      if (!facts || (facts.permitId !== null && facts.permitId !== p.permitId)) return;
      const lives = p.status === 'active';
      await this.changed(
        { ...facts, residenceCity: lives ? p.residenceCity : null, permitId: lives ? p.permitId : null, residenceSince: lives ? p.residenceYearsCountFrom : null },
        cause,
        actor,
      );
    });
  }

  /** Residence years held in another city of a pilot group count here: the residence starts earlier. */
  async recordPermitRecognised(p: PermitRecognised, eventId: string, source: string): Promise<void> {
    const actor = eventActor(source);
    const cause: Cause = { reason: `${p.recognisedMonths} months of residence recognised in ${p.groupNameZh}`, eventId };
    await this.db.tx(async () => {
      const facts = await this.subjects.lock(p.subjectRef);
      if (!facts || facts.permitId !== p.permitId) return;
      const since = monthsBefore(p.effectiveOn, p.recognisedMonths);
      if (facts.residenceSince !== null && facts.residenceSince <= since) return;
      await this.changed({ ...facts, residenceSince: since }, cause, actor);
    });
  }

  /** A completed insurance transfer makes the inbound region the person's insured region. */
  async recordTransferCompleted(t: TransferCompleted, eventId: string, source: string): Promise<void> {
    const actor = eventActor(source);
    const cause: Cause = { reason: `${t.insuranceType} transferred from ${t.outboundRegion} to ${t.inboundRegion}`, eventId };
    await this.db.tx(async () => {
      const facts = await this.subjects.lock(t.subjectRef);
      if (!facts || facts.insuredRegion === t.inboundRegion) return;
      await this.changed({ ...facts, insuredRegion: t.inboundRegion, insuredSince: t.completedOn }, cause, actor);
    });
  }

  /** The new hukou region reports that the person's hukou moved to it (迁入). */
  async moveHukou(subjectRef: string, cmd: { hukouRegion: string }, actor: Actor): Promise<SubjectResponsibilities> {
    assertRegionCode(cmd.hukouRegion, '/body/hukouRegion');
    if (actor.region !== cmd.hukouRegion) throw new DomainError(ErrorCode.Forbidden, 'a hukou move is reported by the new hukou region');
    return this.db.tx(async () => {
      const facts = await this.lockKnown(subjectRef);
      await this.changed({ ...facts, hukouRegion: cmd.hukouRegion }, { reason: `hukou moved to ${cmd.hukouRegion}` }, actor);
      return this.view(subjectRef);
    });
  }

  /** The new employment / insured region reports that the person is insured there since a date. */
  async changeEmployment(subjectRef: string, cmd: { insuredRegion: string; since: string }, actor: Actor): Promise<SubjectResponsibilities> {
    assertRegionCode(cmd.insuredRegion, '/body/insuredRegion');
    if (actor.region !== cmd.insuredRegion) throw new DomainError(ErrorCode.Forbidden, 'an employment change is reported by the new insured region');
    return this.db.tx(async () => {
      const facts = await this.lockKnown(subjectRef);
      await this.changed({ ...facts, insuredRegion: cmd.insuredRegion, insuredSince: cmd.since }, { reason: `insured in ${cmd.insuredRegion} since ${cmd.since}` }, actor);
      return this.view(subjectRef);
    });
  }

  /**
   * Holders, since when, and pending handoffs — only to a region related to the person (hukou,
   * residence, insured region, a current or upcoming holder, a party to a handoff); others get 404.
   */
  async responsibilities(subjectRef: string, region: string | null): Promise<SubjectResponsibilities> {
    this.refs.parseRef(subjectRef);
    const view = await this.findView(subjectRef);
    if (!view) throw new DomainError(ErrorCode.NotFound, 'no such person in the ledger');
    if (region !== null) {
      const related = new Set<string | null>([view.hukouRegion, view.residenceCity, view.insuredRegion]);
      for (const h of [...view.holders, ...view.upcoming]) related.add(h.region);
      for (const h of await this.handoffs.allFor(subjectRef)) related.add(h.fromRegion).add(h.toRegion);
      if (!related.has(region)) throw new DomainError(ErrorCode.NotFound, 'no such person in the ledger');
    }
    return view;
  }

  private async changed(facts: SubjectFacts, cause: Cause, actor: Actor): Promise<void> {
    await this.subjects.update(facts);
    await this.handoffService.reconcile(facts, cause, actor);
  }

  /** A new person: every held service starts with the hukou region (the default holder). */
  private async create(facts: SubjectFacts, cause: Cause, actor: Actor): Promise<SubjectFacts> {
    const inserted = await this.subjects.insertIfAbsent(facts, actor);
    if (!inserted) return (await this.subjects.lock(facts.subjectRef)) as SubjectFacts;
    const held = this.catalogue.all().filter(isHeld);
    await this.intervals.openFirst(facts.subjectRef, held.map((i) => ({ serviceCode: i.code, region: facts.hukouRegion })), cause, actor);
    await this.subjects.lock(facts.subjectRef);
    return facts;
  }

  private blank(subjectRef: string, hukouRegion: string): SubjectFacts {
    return { subjectRef, hukouRegion, residenceCity: null, permitId: null, residenceSince: null, insuredRegion: null, insuredSince: null };
  }

  private async lockKnown(subjectRef: string): Promise<SubjectFacts> {
    this.refs.parseRef(subjectRef);
    const facts = await this.subjects.lock(subjectRef);
    if (!facts) throw new DomainError(ErrorCode.NotFound, 'no such person in the ledger');
    return facts;
  }

  private async view(subjectRef: string): Promise<SubjectResponsibilities> {
    return (await this.findView(subjectRef)) as SubjectResponsibilities;
  }

  private async findView(subjectRef: string): Promise<SubjectResponsibilities | undefined> {
    const facts = await this.subjects.find(subjectRef);
    if (!facts) return undefined;
    const holders = await this.intervals.current(subjectRef);
    const current = new Set(holders.map((h) => h.responsibilityId));
    const upcoming = (await this.intervals.latest(subjectRef)).filter((h) => !current.has(h.responsibilityId));
    return {
      subjectRef,
      hukouRegion: facts.hukouRegion,
      residenceCity: facts.residenceCity,
      insuredRegion: facts.insuredRegion,
      holders: holders.map(holderView),
      upcoming: upcoming.map(holderView),
      pendingHandoffs: await this.handoffs.openFor(subjectRef),
    };
  }
}
