import { Injectable } from '@nestjs/common';
import { addMonths, ChinaClock, startOfChinaDay } from '@tongban/calendar';
import { CityPolicies, InsuranceBranch, ServiceCatalogue } from '@tongban/catalogue';
import type { EventDataByType } from '@tongban/contracts';
import { Database } from '@tongban/database';
import { DomainError, ErrorCode } from '@tongban/errors';
import { Actor, parseCitizenId, regionActingAs, SubjectRefs } from '@tongban/identity';
import type { CloudEvent } from '@tongban/messaging';
import { assertRegionCode } from '@tongban/regions';
import { FactChangeRepository } from './fact-change.repository';
import { LEDGER_POLICY } from './ledger.policy';
import { earliestClaimableStart } from './period.rules';
import { HandoffRepository } from './handoff.repository';
import { HandoffService } from './handoff.service';
import { Cause, FactChange, Handoff, Holder, MEDICAL_INSURANCE_SERVICES, SubjectFacts } from './ledger.types';
import { explainResponsibilities, isHeld, ServiceExplanation } from './responsibility.rules';
import { ResponsibilityRepository } from './responsibility.repository';
import { SubjectRepository } from './subject.repository';

export type PermitIssued = EventDataByType['cn.gov.tongban.residence.permit-issued.v1'];
/** What every later permit event (endorsed, suspended, renewed, cancelled) says about residence. */
export type PermitChanged = Pick<
  EventDataByType['cn.gov.tongban.residence.permit-endorsed.v1'],
  'permitId' | 'subjectRef' | 'residenceCity' | 'status' | 'residenceYearsCountFrom'
>;
export type PermitRecognised = EventDataByType['cn.gov.tongban.residence.permit-recognised.v1'];
export type TransferCompleted = EventDataByType['cn.gov.tongban.social-insurance.transfer-completed.v1'];

type HolderView = Omit<Holder, 'responsibilityId'>;

export interface SubjectResponsibilities {
  subjectRef: string;
  hukouRegion: string;
  residenceCity: string | null;
  insuredRegions: Array<{ branch: InsuranceBranch; region: string; since: string }>;
  holders: HolderView[];
  /** holders agreed for a future instant (an accepted handoff effective later) */
  upcoming: HolderView[];
  pendingHandoffs: Handoff[];
  /** provisional or disputed hukou moves and insured-region changes */
  pendingFactChanges: FactChange[];
  /** why each held service is where it is (computed today) and who holds it now */
  services: Array<ServiceExplanation & { holder: string | null }>;
  /** the next day a years threshold alone moves a service (the daily job proposes it then) */
  conditionsReviewOn: string | null;
}

/** The envelope of a consumed event: its id and source are recorded on what it causes, its time orders permit events. */
export type EventRef = Pick<CloudEvent, 'id' | 'source' | 'time'>;

/** Whether a permit event is older than the last one applied to the person (compared as instants). */
const olderThanApplied = (facts: SubjectFacts, event: EventRef): boolean =>
  facts.permitEventAt != null && Date.parse(event.time) < Date.parse(facts.permitEventAt);

const holderView = (h: Holder): HolderView => ({ serviceCode: h.serviceCode, region: h.region, since: h.since });

/** The system actor of changes the ledger makes on an event it consumed. */
const eventActor = (source: string): Actor => ({
  region: /^\d{6}/.test(source) ? source.slice(0, 6) : null,
  agency: null,
  credential: `event:${source}`,
});

/** The insurance branch a completed transfer moves (pension and employee medical insurance are transferred). */
const TRANSFERRED_BRANCH: Record<TransferCompleted['insuranceType'], InsuranceBranch> = { pension: 'pension', medical: 'medical' };

/**
 * The facts the ledger computes responsibility from, and their changes. Every change locks the person,
 * updates the facts and lets HandoffService propose what follows, in one transaction. Facts arrive as
 * events of their authoritative source (a permit from the issuing city, a completed transfer in which
 * both regions took part) or, when one region states a fact that takes something from another (a hukou
 * move, an insured-region change), through FactChangeService once that change is definitive.
 */
@Injectable()
export class SubjectService {
  constructor(
    private readonly db: Database,
    private readonly subjects: SubjectRepository,
    private readonly intervals: ResponsibilityRepository,
    private readonly handoffs: HandoffRepository,
    private readonly factChanges: FactChangeRepository,
    private readonly handoffService: HandoffService,
    private readonly catalogue: ServiceCatalogue,
    private readonly policies: CityPolicies,
    private readonly refs: SubjectRefs,
    private readonly clock: ChinaClock,
  ) {}

  /**
   * The hukou region's public security registers a person it is the hukou region of, so that claims
   * work before any residence permit. Registering again with the same hukou region changes nothing.
   * A person registered with another hukou region is answered without saying who they are or where:
   * the caller holds an ID number, which proves no relationship to the person.
   */
  async register(cmd: { citizenId: string; hukouRegion: string }, actor: Actor): Promise<SubjectResponsibilities> {
    assertRegionCode(cmd.hukouRegion, '/body/hukouRegion');
    const region = regionActingAs(actor, 'public-security', 'registering a person');
    if (region !== cmd.hukouRegion) throw new DomainError(ErrorCode.Forbidden, 'only the hukou region registers a person in the ledger');
    const subjectRef = this.refs.ref(parseCitizenId(cmd.citizenId, { now: this.clock.now() }));
    return this.db.tx(async () => {
      const existing = await this.subjects.lock(subjectRef);
      if (existing && existing.hukouRegion !== cmd.hukouRegion) {
        throw new DomainError(
          ErrorCode.Conflict,
          'the person is registered with another hukou region; if the hukou moved here, state the move (POST /v1/hukou-moves)',
          {
            reason: 'registered-elsewhere',
          },
        );
      }
      if (!existing)
        await this.create(this.blank(subjectRef, cmd.hukouRegion), { reason: `registered by hukou region ${cmd.hukouRegion}` }, actor);
      return this.view(subjectRef);
    });
  }

  /**
   * permit-issued: the person lives in the permit's city; residence-based services follow by handoff.
   * Permit events apply in the order the residence domain wrote them (`time`): one older than the last
   * applied — a replayed dead letter, a late duplicate — changes nothing.
   */
  async recordPermitIssued(p: PermitIssued, event: EventRef): Promise<void> {
    const actor = eventActor(event.source);
    const cause: Cause = { reason: `residence permit issued by ${p.residenceCity}`, eventId: event.id };
    await this.db.tx(async () => {
      const facts = (await this.subjects.lock(p.subjectRef)) ?? (await this.create(this.blank(p.subjectRef, p.hukouRegion), cause, actor));
      if (olderThanApplied(facts, event)) return;
      await this.apply(
        { ...facts, residenceCity: p.residenceCity, permitId: p.permitId, residenceSince: p.residenceSince, permitEventAt: event.time },
        cause,
        actor,
      );
    });
  }

  /**
   * A later event of the person's permit: an active permit keeps or restores the residence (a late
   * endorsement restarts the residence years); a suspended or cancelled one ends it, so
   * residence-based services are proposed back to the hukou region. Events of a permit the ledger no
   * longer follows (an older one) change nothing.
   */
  async recordPermitChanged(p: PermitChanged, event: EventRef): Promise<void> {
    const actor = eventActor(event.source);
    const cause: Cause = { reason: `residence permit ${p.status} (${p.residenceCity})`, eventId: event.id };
    await this.db.tx(async () => {
      const facts = await this.subjects.lock(p.subjectRef);
      if (!facts || (facts.permitId !== null && facts.permitId !== p.permitId) || olderThanApplied(facts, event)) return;
      const lives = p.status === 'active';
      await this.apply(
        {
          ...facts,
          residenceCity: lives ? p.residenceCity : null,
          permitId: lives ? p.permitId : null,
          residenceSince: lives ? p.residenceYearsCountFrom : null,
          permitEventAt: event.time,
        },
        cause,
        actor,
      );
    });
  }

  /** Residence years held in another city of a pilot group count here: the residence starts earlier. */
  async recordPermitRecognised(p: PermitRecognised, event: EventRef): Promise<void> {
    const actor = eventActor(event.source);
    const cause: Cause = { reason: `${p.recognisedMonths} months of residence recognised in ${p.groupNameZh}`, eventId: event.id };
    await this.db.tx(async () => {
      const facts = await this.subjects.lock(p.subjectRef);
      if (!facts || facts.permitId !== p.permitId || olderThanApplied(facts, event)) return;
      const since = addMonths(p.effectiveOn, -p.recognisedMonths);
      if (facts.residenceSince !== null && facts.residenceSince <= since) return;
      await this.apply({ ...facts, residenceSince: since, permitEventAt: event.time }, cause, actor);
    });
  }

  /**
   * A completed insurance transfer makes the inbound region the insured region of that branch only
   * (definitive at once: the outbound region issued the certificate and remitted the funds).
   */
  async recordTransferCompleted(t: TransferCompleted, event: EventRef): Promise<void> {
    const actor = eventActor(event.source);
    const branch = TRANSFERRED_BRANCH[t.insuranceType];
    const cause: Cause = { reason: `${t.insuranceType} transferred from ${t.outboundRegion} to ${t.inboundRegion}`, eventId: event.id };
    await this.db.tx(async () => {
      const facts = await this.subjects.lock(t.subjectRef);
      if (!facts || facts.insured[branch]?.region === t.inboundRegion) return;
      await this.apply(
        { ...facts, insured: { ...facts.insured, [branch]: { region: t.inboundRegion, since: t.completedOn } } },
        cause,
        actor,
      );
    });
  }

  /**
   * Holders, since when, pending handoffs and fact changes — only to a region related to the person
   * (ledger.subject_regions: hukou, residence, insured in a branch, a current or agreed holder, a party
   * to an open handoff); others get 404, as for a person the ledger does not know.
   */
  async responsibilities(subjectRef: string, region: string | null): Promise<SubjectResponsibilities> {
    this.refs.parseRef(subjectRef);
    if (region !== null && !(await this.subjects.isRelated(subjectRef, region)))
      throw new DomainError(ErrorCode.NotFound, 'no such person in the ledger');
    const view = await this.findView(subjectRef);
    if (!view) throw new DomainError(ErrorCode.NotFound, 'no such person in the ledger');
    return view;
  }

  /** The person's hukou region as the ledger records it, or undefined for a person it does not know. */
  async hukouRegionOf(subjectRef: string): Promise<string | undefined> {
    return (await this.subjects.find(subjectRef))?.hukouRegion;
  }

  /**
   * The person's medical insurers now — the holders of their employee or resident medical insurance,
   * who register filings, are billed by treatment regions and may reimburse a bill by hand — or
   * undefined for a person the ledger does not know.
   */
  async medicalInsurers(subjectRef: string): Promise<string[] | undefined> {
    if (!(await this.subjects.exists(subjectRef))) return undefined;
    return this.intervals.currentRegions(subjectRef, MEDICAL_INSURANCE_SERVICES);
  }

  /**
   * New facts of a person (the caller holds the person's lock, in its transaction): stored, then the
   * open proposals brought in line with what they now call for. A definitive fact change lands here too.
   */
  async apply(facts: SubjectFacts, cause: Cause, actor: Actor): Promise<Handoff[]> {
    await this.subjects.update(facts);
    return this.handoffService.reconcile(facts, cause, actor);
  }

  /** A new person: every held service starts with the hukou region (the default holder). */
  private async create(facts: SubjectFacts, cause: Cause, actor: Actor): Promise<SubjectFacts> {
    const inserted = await this.subjects.insertIfAbsent(facts, actor);
    if (!inserted) return (await this.subjects.lock(facts.subjectRef)) as SubjectFacts;
    const held = this.catalogue.all().filter(isHeld);
    const from = startOfChinaDay(earliestClaimableStart(this.clock.today(), LEDGER_POLICY.claimLookbackMonths));
    await this.intervals.openFirst(
      facts.subjectRef,
      held.map((i) => ({ serviceCode: i.code, region: facts.hukouRegion })),
      from,
      cause,
      actor,
    );
    return facts; // the row this transaction inserted is its own until the commit: no lock to take
  }

  private blank(subjectRef: string, hukouRegion: string): SubjectFacts {
    return { subjectRef, hukouRegion, residenceCity: null, permitId: null, residenceSince: null, insured: {} };
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
    const holderOf = new Map(holders.map((h) => [h.serviceCode, h.region]));
    const explained = explainResponsibilities(this.catalogue, { facts, asOf: this.clock.today() }, this.policies);
    return {
      subjectRef,
      hukouRegion: facts.hukouRegion,
      residenceCity: facts.residenceCity,
      insuredRegions: (Object.entries(facts.insured) as Array<[InsuranceBranch, { region: string; since: string }]>).map(([branch, r]) => ({
        branch,
        ...r,
      })),
      holders: holders.map(holderView),
      upcoming: upcoming.map(holderView),
      pendingHandoffs: await this.handoffs.openFor(subjectRef),
      pendingFactChanges: await this.factChanges.openFor(subjectRef),
      services: explained.map((e) => ({ ...e, holder: holderOf.get(e.serviceCode) ?? null })),
      conditionsReviewOn: await this.subjects.conditionsReviewOn(subjectRef),
    };
  }
}
