// Generated from contracts/ by tools/contracts-generate.mjs (openapi-typescript). Do not edit.
export interface paths {
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process answers */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** PostgreSQL and Kafka are reachable */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (scraped from inside the network; no personal data in labels) */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/catalogue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The service catalogue and city policies in force (items, basis, periodicity, period keys, conditions, evidence)
         * @description The catalogue version and the city-policy version in force on `on` (default today, China time):
         *     the 9 domains, the 22 categories of the national standard (every item in exactly one), and per
         *     item its basis (which region is responsible), periodicity and period-key format for claims, the
         *     agency that provides it, the seed clauses it rests on, the conditions each city sets for it
         *     (一城一策) and the evidence a claim must reference (统一证明材料要求, seed 000 （十二）). Also the
         *     evidence kinds and the evidence each social-insurance transfer step requires. `officialItemNo`
         *     is null until sourced from the national list.
         */
        get: operations["getCatalogue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/entitlements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The responsible region opens a person's periodic entitlement from a period
         * @description For services claimed every period (a month's allowance, a school term's place). From
         *     `sincePeriod` on, a period closing without a claim is a gap, reported to the region that held
         *     the service at the period's start — so "both skip" is detected from the first period, before
         *     anyone has claimed. Only the region holding the service at the start of `sincePeriod` opens it
         *     (within the claim window); an earlier period moves an open entitlement back, a later one leaves it.
         */
        post: operations["openEntitlement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/fact-changes/{changeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A fact change, to its two regions and operators
         * @description Only the stating and the releasing region (any agency competent for facts) and operators; others get 404.
         */
        get: operations["getFactChange"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/fact-changes/{changeId}/consent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The releasing region consents, so the change becomes definitive and applies
         * @description By the releasing region's agency competent for the fact (public security for a hukou move — the
         *     move-out, 迁出; the branch's agency for an insured region), while the change is provisional. The
         *     ledger then proposes the handoffs the change causes, which the gaining region's agencies accept.
         */
        post: operations["consentToFactChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/fact-changes/{changeId}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Operators decide a disputed fact change
         * @description `definitive` applies the change (the ledger proposes the handoffs it causes); `rejected` ends it and
         *     nothing moves. Both regions are told; the decision and its note are audited.
         */
        post: operations["decideFactChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/fact-changes/{changeId}/objection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The releasing region objects within the window, opening a dispute for operators
         * @description By the releasing region's agency competent for the fact, while the change is provisional (until the
         *     end of `objectionDeadline`). Nothing moves; operators decide the dispute.
         */
        post: operations["objectToFactChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/handoff-cases/{caseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A handoff case (one move of a person between two regions, every service it moves), to its two regions
         * @description A cause that moves responsibility (a residence permit, a definitive hukou move or insured-region
         *     change, a completed transfer, a new catalogue or city-policy version, a residence threshold
         *     reached) opens one case per person and pair of regions, holding one handoff per service that
         *     moves. `status` is `open` while a service awaits an answer. Its events are
         *     `cn.gov.tongban.ledger.handoff-case-proposed.v1` and `…handoff-case-updated.v1`.
         */
        get: operations["getHandoffCase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/handoff-cases/{caseId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The receiving region accepts the case, whole or per service, with an effective date
         * @description Each agency answers the services it provides: without `services`, every open proposal of the case
         *     that the caller's agency provides is accepted; with `services`, exactly those (each must be a service
         *     of the case, provided by the caller's agency — else 403 — and still proposed — else 409). Each moves as
         *     `POST /v1/handoffs/{handoffId}/accept` moves one, all in one transaction, told in one
         *     `handoff-case-updated.v1` (step `accepted`).
         */
        post: operations["acceptHandoffCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/handoff-cases/{caseId}/object": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The releasing region objects to the case, whole or per service, opening a dispute for operators
         * @description The services as for accept, from the releasing region's agencies. One `handoff-case-updated.v1` (step `objected`);
         *     operators decide each disputed handoff (`POST /v1/handoffs/{handoffId}/decision`).
         */
        post: operations["objectToHandoffCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/handoff-cases/{caseId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The receiving region rejects the case, whole or per service, with a reason
         * @description The services as for accept; the holder stays responsible for each. One `handoff-case-updated.v1` (step `rejected`).
         */
        post: operations["rejectHandoffCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/handoffs/{handoffId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A handoff proposal, to its two regions */
        get: operations["getHandoff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/handoffs/{handoffId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The receiving region accepts, with an effective date
         * @description One transaction closes the holder's interval and opens the receiving region's at the same
         *     instant: the start of `effectiveFrom` in China, or now if later, or — when the releasing region
         *     already claimed a period starting from then — the end of that period (a claim stands for its
         *     whole period). `effectiveFrom` lies in the proposal's window: from today (responsibility
         *     already exercised is never rewritten) to the proposal's `effectiveBy` (92 days after it was
         *     made); otherwise 422 naming the window. The receiving region provides from the first period
         *     starting at or after the effective instant.
         */
        post: operations["acceptHandoff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/handoffs/{handoffId}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Operators decide a disputed proposal, or one escalated past its deadline
         * @description `accept` with `effectiveFrom` (today … the proposal's `effectiveBy`) moves responsibility as the
         *     receiving region's accept would (never inside a period the releasing region already claimed);
         *     `reject` ends the proposal, which the ledger makes again after `handoffReproposeDays` if the
         *     facts still call for it. Both regions get the handoff-accepted / handoff-rejected event.
         */
        post: operations["decideHandoff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/handoffs/{handoffId}/object": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The releasing region objects (e.g. the person still lives there), opening a dispute for operators */
        post: operations["objectToHandoff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/handoffs/{handoffId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The receiving region rejects, with a reason; the holder stays responsible */
        post: operations["rejectHandoff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/hukou-moves": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The new hukou region states that the person's hukou moved to it (迁入)
         * @description Stated by the public security of the new hukou region (the caller's region must equal
         *     `hukouRegion`). The move is **provisional**: nothing in the ledger moves until the old hukou region's
         *     public security consents (confirms the move-out, 迁出) or lets its objection window (working days,
         *     `objectionDeadline`) pass, as EESSI's provisional determination and objection. An objection opens a
         *     dispute for operators. Once definitive, the ledger proposes the handoffs the move causes. The person
         *     is named by the citizen ID number (validated, never stored); a person the ledger does not know is
         *     registered with `POST /v1/subjects` instead. Stating the same move again answers the open change.
         */
        post: operations["reportHukouMove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/insured-region-changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The new insured region states that the person is insured there in one branch (参保)
         * @description Stated by the agency of that insurance branch in the new insured region: 医保 (healthcare-security)
         *     for `medical`, 人社 (human-resources) for `pension`, `unemployment`, `work-injury` and
         *     `occupational-injury`; the caller's region must equal `insuredRegion`. Each branch has its own insured
         *     region: only the branch's services move. Provisional until the releasing region (the current insured
         *     region of the branch, or the hukou region while none is known) consents or lets its objection window
         *     pass. A person's first insured region equal to the hukou region is recorded at once (nothing moves).
         *     A completed social-insurance transfer changes the branch directly: both regions took part in it.
         */
        post: operations["reportInsuredRegionChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/medical/clearings/{month}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The clearing statements of a month that concern the caller's province (operators see all) */
        get: operations["getMedicalClearing"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/medical/clearings/{month}/statements/{statementId}/confirmation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm a statement for the caller's side (its province is the insured or the treatment province)
         * @description Confirming agrees to every line not disputed. A side confirms once (a repeat answers the
         *     statement unchanged); when both sides have confirmed, the statement is `confirmed`.
         */
        post: operations["confirmMedicalStatement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/medical/clearings/{month}/statements/{statementId}/disputes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Dispute lines of a statement, each with a reason
         * @description Only a side that has not yet confirmed may dispute. A disputed line is left out of the
         *     payable sum of this cycle and carried into the next cycle as a correction line, which is
         *     confirmed or disputed again there; a settlement is thus never counted in two cycles.
         */
        post: operations["disputeMedicalStatementLines"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/medical/filings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register a medical filing (异地就医备案) of the calling insured region
         * @description The caller is the insured region. Long-term categories (resettled-retiree,
         *     long-term-resident, posted-worker) may be open-ended; temporary ones (referral, emergency,
         *     other-temporary) need `validTo`. Validity is a closed range of days. A person has at most
         *     one active long-term filing on any day (enforced by the database; an overlapping one is
         *     refused with 409). The treatment region must lie in another province. A filing registered
         *     late (after admission but before the settlement is recorded) still covers the stay when its
         *     validity covers admission to discharge. The event goes to the treatment and insured regions.
         */
        post: operations["registerMedicalFiling"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/medical/filings/{filingId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A filing, to its insured region, its treatment region (and their provinces) and operators */
        get: operations["getMedicalFiling"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/medical/filings/{filingId}/cancellation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an active filing (by the insured region that registered it)
         * @description Settlements already recorded under the filing stay; new ones are no longer covered by it.
         */
        post: operations["cancelMedicalFiling"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/medical/settlements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a direct settlement (直接结算) made by a hospital of the calling treatment region
         * @description Recorded once per (treatment region, settlement id): the same id with the same content
         *     answers the original (200), with different content 409. `fundPaidFen + selfPaidFen` must
         *     equal `totalFen` (integer fen). A planned admission needs an active filing of the insured
         *     region whose treatment region contains the caller and whose validity covers admission to
         *     discharge; an `emergency` admission counts as filed. Each bill takes the provision claim
         *     `med.cross-region-settlement` / `bill:<treatmentRegion>:<settlementId>` in the
         *     responsibility ledger, so a bill reimbursed by hand cannot be settled directly (409
         *     already-claimed) and vice versa. The settlement is cleared in the month it is recorded.
         */
        post: operations["recordMedicalSettlement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/audit/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Walk the audit hash chain and report the first broken link */
        get: operations["verifyAuditChain"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/catalogue/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every catalogue and city-policy version, and which are in force */
        get: operations["listCatalogueVersions"];
        put?: never;
        /**
         * Publish a new version of the service catalogue, effective from a day
         * @description The whole document (libs/catalogue/data/service-catalogue.schema.json) as the next version,
         *     effective from `effectiveFrom` (today … a year ahead, not before the previous version's day).
         *     Validated in full before anything is stored: schema errors name the JSON pointer, the 22
         *     categories must hold every item exactly once, cited seed clauses must exist, and the city
         *     policies in force with it must stay valid (a rejection names the city, the service and the
         *     clause). Audited. The apps use it from its day without a redeploy; when it adds a service, the
         *     ledger gives every person its default holder (the hukou region) and proposes the handoffs the
         *     facts call for.
         */
        post: operations["publishCatalogueVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/city-policies/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish a new version of the city policies (一城一策), effective from a day
         * @description The whole document (libs/catalogue/data/city-policies.schema.json) as the next version, effective
         *     from `effectiveFrom`. Validated against every catalogue version it will be in force with: a
         *     condition on education, professional title or tax contribution is refused with 422
         *     `policy-rejected` naming `clause: 000-八` (国发〔2026〕11号 （八）: 不得设置学历、职称、纳税贡献等限制条件),
         *     the city and the service; so are unknown services, conditions on services that are not
         *     residence-based (naming 000-三 or 000-六 where a clause says so) and malformed, province-level
         *     or county-level city codes (`invalid-region-code`). Audited.
         */
        post: operations["publishCityPolicyVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Dead letters of every consumer group */
        get: operations["listDeadLetters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/dead-letters/{deadLetterId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put one dead letter back on its original topic */
        post: operations["replayDeadLetter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/dead-letters/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replay every open dead letter (optionally of one consumer group) */
        post: operations["replayAllDeadLetters"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/items/{kind}/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One item with its full event history (CloudEvents from the outbox, in order), audit entries and operator decisions
         * @description `audit` holds the entries of the item's own request paths and of the requests that wrote its
         *     events — among them the request that created it, audited on the collection path
         *     (`POST /v1/medical/filings`); `matchedBy` says which.
         */
        get: operations["getOperatorItem"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/items/{kind}/{itemId}/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve a discrepancy (gap, reconciliation finding) or escalate / close a dispute (handoff objection, disputed clearing line)
         * @description Recorded once in the operators' decisions (a second resolve/close, or a second escalation,
         *     is refused with 409, also under concurrent requests) and in the audit log. A resolved or
         *     closed item leaves its queue; an escalated one stays, marked. The domain's own records are
         *     not changed by a decision.
         */
        post: operations["decideOperatorItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/kafka": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Consumer lag per group and partition, outbox backlog and relay delay per schema, open dead letters per group */
        get: operations["getKafkaHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/ledger/gaps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open gaps (a periodic entitlement's period ended with no claim) */
        get: operations["listLedgerGaps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/ledger/handoffs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Disputed handoffs and handoffs escalated past their deadline */
        get: operations["listHandoffsForOperators"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/queues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every operator queue with its counts, oldest age and overdue items
         * @description One entry per queue whose domain is deployed in this database (a domain whose tables do
         *     not exist yet is left out). `overdue` counts items past their statutory deadline (working
         *     days of the official holiday schedule, with its make-up days). With filters, `total`,
         *     `overdue` and `oldestAgeSeconds` count only the items that match them (the same filters as
         *     `…/items`), so a search shows which queues hold its matches.
         */
        get: operations["listOperatorQueues"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/queues/{queueId}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A page of one queue's items, overdue first, then by deadline, then oldest
         * @description Filtered on the server: every filter given must hold (`region` — an item one of whose regions
         *     lies in it; `service`; `status`; `overdue`; `q` — the item's id, its subjectRef, or an id it
         *     refers to). `queue` counts the matching items.
         */
        get: operations["listOperatorQueueItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Items of any kind and state whose own id is the query (a handoff, transfer, filing, settlement … id)
         * @description Finds the pages an id names, also of items no queue holds (a completed transfer, a filing).
         *     To find the waiting items of a person or those referring to an id (the settlements of a
         *     filing), pass the same `q` to `GET /v1/ops/queues` and `…/items`.
         */
        get: operations["searchOperatorItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/points-allotments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The residence city records its points decision for a service (积分入学, 积分入住 …)
         * @description Points-allotted services are never moved by the ledger on its own: a city whose policy sets a
         *     `points` condition on a service (一城一策, tiered supply by points, seed 000 （八）) records its
         *     decision here, by its agency providing the service (an education bureau for a school place), for a
         *     person whose active residence permit is of that city. The ledger then proposes the handoff from the
         *     holder to the city, citing the decision — or, when another condition (years of residence or
         *     insurance) is not met yet, on the day it is. `points` must reach the policy's threshold (422
         *     naming `/body/points`); a service without a points condition in the city's policy is 422 naming
         *     `/body/serviceCode`; a city not the residence city 403; a region not related to the person 404;
         *     one decision per person, service and city (409 `already-allotted`). `decidedOn` lies within the
         *     last 12 months and not ahead.
         */
        post: operations["allotByPoints"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/points-conversions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-score a person's standing from one city's points scheme (积分) under another's, item by item
         * @description The underlying facts (residence months as each city counts them, social-insurance months,
         *     housing) are scored under each city's scheme; the result is never a ratio of totals. With
         *     `subjectRef`, residence months come from the residence history (recognition groups apply) and
         *     the person must have held a permit in `fromCity` (404 otherwise); without it, `facts` must
         *     state `residenceMonths`. Facts not stated score 0 and say so. The caller must be `fromCity`
         *     or `toCity` (403). Nothing is stored.
         */
        post: operations["convertPoints"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/provision-claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Claim the provision of a service to a person for a period
         * @description Exactly one claim per (subject, service, period). A claim for period P of a periodic service
         *     belongs to the region that held the service at the start of P (China time): after a handoff
         *     effective mid-period the releasing region provides that period and the receiving region from
         *     the next. Services without periods are judged at `referenceDate` (default today). Claims are
         *     for periods ending within the last 12 months and starting no later than the next period
         *     (`claimLookbackMonths`, `claimPeriodsAhead`): otherwise 422 naming the window (`notBefore`,
         *     `lastStart`). For services decided by place (treatment region, place of the emergency) the key
         *     names the place, which is granted whatever the hukou or residence. Otherwise 409
         *     `not-responsible` with `responsibleRegion` (to regions related to the person; others get 404),
         *     or 409 `already-claimed` with `claimedBy`. Periodic services take period keys `YYYY-MM`
         *     (monthly), `YYYY-spring`/`YYYY-autumn` (school term), `YYYY` (yearly); others any key (e.g.
         *     `bill:440100:S123`).
         */
        post: operations["claimProvision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reconciliations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload the calling region's provision records for comparison (档案比对)
         * @description NDJSON, one `{"subjectRef", "serviceCode", "periodKey"}` object per line, streamed (any size,
         *     bounded memory). The caller's own records are compared with the ledger only (never with other
         *     regions' uploads, which only their uploaders and operators see). The result lists overlaps (the
         *     ledger's claim for the record is another region's; that region is named only when the caller is
         *     related to the person), gaps (a periodic entitlement the caller holds, for a service and period
         *     the upload covers, that nobody claimed or provided) and records the ledger has no claim for. A
         *     malformed line, or a line carrying a citizen ID number, stores nothing.
         */
        post: operations["uploadReconciliation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reconciliations/{reconciliationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A reconciliation's status and counts, to the region that uploaded it */
        get: operations["getReconciliation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reconciliations/{reconciliationId}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A page of a reconciliation's findings */
        get: operations["listReconciliationItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/residence-permits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register a residence permit issued by the calling city
         * @description Only the city of residence registers its permits (the caller's region must equal
         *     `residenceCity`). A permit needs six months' residence before issue. A person holds at most
         *     one active permit: an active permit of another city must be cancelled first.
         */
        post: operations["issueResidencePermit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/residence-permits/{permitId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A permit, to its issuing city and the person's hukou region */
        get: operations["getResidencePermit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/residence-permits/{permitId}/cancellation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a permit of the calling city when the person leaves
         * @description `effectiveOn` is the first day the person no longer lives in the city; it may not be before
         *     `residenceSince` nor after the end of validity. A cancelled permit stays in the residence
         *     history; the person may then get a permit in another city. Only the issuing city; a cancelled
         *     permit cannot be cancelled again (409).
         */
        post: operations["cancelResidencePermit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/residence-permits/{permitId}/endorsements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the yearly endorsement (签注) of a permit of the calling city
         * @description 居住证暂行条例 第十四条: the holder endorses within the 30 days before each full year. An
         *     endorsement on or before `endorsementDue` (at the earliest 30 days before it) keeps the
         *     permit active and moves the due date one year on. An endorsement after the due date is late:
         *     the permit's functions were suspended from the day after the due date (recorded now if the
         *     suspension job has not run yet, with its own event), the endorsement restores them, and the
         *     residence years the city counts restart from the endorsement date; the next endorsement is
         *     due one year after it. Only the issuing city (403 for a region that may see the permit, 404
         *     for one that may not); not on a cancelled permit or after validity ended (409).
         */
        post: operations["endorseResidencePermit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/residence-permits/{permitId}/renewals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Extend the validity of a permit of the calling city
         * @description The new `validUntil` must be after the current one. Only an active permit (a suspended one
         *     is endorsed first; a cancelled one cannot be renewed: 409). Only the issuing city.
         */
        post: operations["renewResidencePermit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social-insurance/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Queue view of transfers (a region sees the transfers it is party to; operators see all) */
        get: operations["listSocialInsuranceTransfers"];
        put?: never;
        /**
         * Apply for a pension or medical-insurance transfer into the calling region
         * @description The calling region is the inbound region (the new insured place), recording the person's
         *     written application (申请) received on `appliedOn` (default today, Asia/Shanghai).
         *
         *     **Pension** (国办发〔2009〕66号 Art. 8): the transfer starts `applied`: the inbound region reviews
         *     the application within 15 working days of `appliedOn` (its own clock) and then issues the contact
         *     letter (同意接收函, `POST …/{transferId}/contact-letter`) — or refuses it with its written reasons
         *     (`POST …/{transferId}/refusal`). The outbound region's 15 working days start at the letter.
         *     The person's hukou region (for the collection place, Art. 6) is taken from the responsibility
         *     ledger: a person the ledger does not know is refused with 422 `reason: hukou-region-unknown`
         *     (the hukou region's public security registers them, `POST /v1/subjects`); `hukouRegion`, if
         *     sent, is only a claim that must be the ledger's region or an area containing it (422
         *     `reason: hukou-region-mismatch` otherwise).
         *
         *     **Medical** (医保办发〔2021〕43号): the accepted application is the contact letter; the outbound
         *     region's 10 working days start at `appliedOn`. `hukouRegion` does not apply.
         *
         *     `inboundMonths` lists the months already contributed in the inbound region for the same
         *     insurance; they are compared with the certificate to detect duplicate months (重复缴费), resolved
         *     as `duplicateMonthsKept` says. One open transfer per person and insurance type (409 otherwise).
         *     The request references the evidence the catalogue in force lists for the step `request` of its
         *     insurance type (`evidence`; 422 `rule: evidence-required` otherwise); the references are stored
         *     with the step and shown in the transfer's history. Long workflow: answers 202 with the transfer
         *     resource to poll.
         */
        post: operations["requestSocialInsuranceTransfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social-insurance/transfers/{transferId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A transfer with its step history, to its two regions (and operators) */
        get: operations["getSocialInsuranceTransfer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social-insurance/transfers/{transferId}/cancellation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The requesting (inbound) region cancels the transfer before remittance */
        post: operations["cancelSocialInsuranceTransfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social-insurance/transfers/{transferId}/certificate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The outbound region submits the contribution certificate (参保缴费凭证)
         * @description Only the outbound region, while the transfer awaits its certificate. Months strictly
         *     ascending, none in the future, bases integer fen in 1..100,000,000. Months also contributed in
         *     the inbound region are resolved as the transfer's `duplicateMonthsKept` says: kept by the
         *     inbound region (default), the outbound months are cleared — left out of the pooled part, and
         *     (pension) their individual-account share (base × 11 % to 2005, 8 % from 2006, half-up per
         *     month) deducted from the balance moved and refunded to the person by the outbound region (422
         *     if the balance is smaller than that share); kept by the outbound region, every month moves and
         *     the inbound region clears its own. Funds in fen: pension = account balance − refunded share +
         *     12 % of each year's bases from 1998 (rounded once per year); medical = the account balance.
         *     The certificate references the evidence the catalogue in force lists for the step `certificate`
         *     (`evidence`; 422 `rule: evidence-required` otherwise), stored with the step in the history.
         */
        post: operations["submitTransferCertificate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social-insurance/transfers/{transferId}/contact-letter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The inbound region, having reviewed the application, issues the contact letter (同意接收函)
         * @description Pension only, while the transfer is `applied` (国办发〔2009〕66号 Art. 8(2): within 15 working
         *     days of the application). The letter goes to the outbound region as an event; its 15 working
         *     days to certify and remit start today (Asia/Shanghai). `duplicateMonthsKept`, if sent, revises
         *     which side keeps months contributed in both regions, as agreed with the person. To refuse the
         *     application instead, use `POST …/{transferId}/refusal` with the written reasons.
         */
        post: operations["issueTransferContactLetter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social-insurance/transfers/{transferId}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The inbound region confirms receipt of the funds; the transfer completes */
        post: operations["confirmTransferReceipt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social-insurance/transfers/{transferId}/refusal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The region whose step it is refuses the transfer, with a reason */
        post: operations["refuseSocialInsuranceTransfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social-insurance/transfers/{transferId}/remittance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The outbound region confirms it remitted the computed funds */
        post: operations["confirmTransferRemittance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subjects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The hukou region registers a person in the responsibility ledger
         * @description Lets claims work before any residence permit: every service held by intervals starts with the
         *     hukou region. Only the hukou region itself registers (the caller's region must equal
         *     `hukouRegion`). Registering a known person again with the same hukou region changes nothing.
         *     The citizen ID number is validated and answered with the pseudonymous `subjectRef`; it is not stored.
         */
        post: operations["registerSubject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subjects/{subjectRef}/residence-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The person's residence intervals, continuous years per city and recognised years per group, with the why
         * @description Visible to the regions related to the person (a city that issued one of the person's
         *     permits, the hukou region); 404 for any other region. Years are counted in completed months
         *     from `residenceYearsCountFrom` of each permit (restarted by a late endorsement) to its end
         *     (cancellation, suspension, end of validity or `asOf`). A recognition group counts the months
         *     held in any member city for the person's latest member city, from the date both are members.
         */
        get: operations["getResidenceHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subjects/{subjectRef}/responsibilities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who is responsible for each service, since when, and pending handoffs
         * @description Only to regions related to the person (hukou, residence, insured region, current or upcoming holders, handoff parties) and operators; others get 404.
         */
        get: operations["getSubjectResponsibilities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AcceptHandoffCaseRequest: {
            /** @description today … the proposals' effectiveBy */
            effectiveFrom: components["schemas"]["IsoDate"];
            services?: components["schemas"]["CaseServices"];
        };
        AcceptHandoffRequest: {
            /** @description today … the proposal's effectiveBy */
            effectiveFrom: components["schemas"]["IsoDate"];
        };
        AuditChainReport: {
            /** @description chained entries verified */
            checked: number;
            firstBroken?: {
                chainPos: string;
                id: string;
                reason: string;
            };
            ok: boolean;
            /** @description entries appended but not chained yet */
            unchained: number;
        };
        CancelFilingRequest: {
            reason?: string;
        };
        CancelPermitRequest: {
            /** @description the first day the person no longer lives in the city; from twenty years before today to a month after today (Asia/Shanghai — a departure already made, or announced), and between residenceSince and the day after validUntil */
            effectiveOn: components["schemas"]["IsoDate"];
            reason: string;
        };
        /** @description the services of the case this answer concerns; omitted, every open one the caller's agency provides */
        CaseServices: components["schemas"]["ServiceCode"][];
        Catalogue: {
            asOf: components["schemas"]["IsoDate"];
            categories: {
                code: string;
                domain: string;
                items: components["schemas"]["ServiceCode"][];
                nameEn: string;
                nameZh: string;
                /** @description why an item is placed here (our reading), or why the category has no item yet */
                note?: string;
            }[];
            cityPolicyEffectiveFrom: components["schemas"]["IsoDate"];
            cityPolicyVersion: number;
            domains: {
                code: string;
                nameEn: string;
                nameZh: string;
            }[];
            effectiveFrom: components["schemas"]["IsoDate"];
            evidenceKinds: {
                code: components["schemas"]["EvidenceKindCode"];
                nameEn: string;
                nameZh: string;
                seedRefs: components["schemas"]["SeedClause"][];
                /** @description the seed clause or national regulation (with article) naming it */
                source: string;
                /** @description false when the source was not checked against the regulation's text */
                verified: boolean;
            }[];
            items: components["schemas"]["CatalogueItem"][];
            /** @description the evidence each step of a social-insurance transfer must reference */
            transferEvidence: {
                /** @enum {string} */
                insuranceType: "pension" | "medical";
                kinds: components["schemas"]["EvidenceKindCode"][];
                note?: string;
                source: string;
                /**
                 * @description the step whose request carries the references (`evidence` of the transfer request or of the certificate)
                 * @enum {string}
                 */
                step: "request" | "certificate";
            }[];
            version: number;
        };
        CatalogueItem: {
            /** @description the kind of agency that provides it, claims it and answers its handoffs */
            agency: string;
            /**
             * @description which region is responsible (户籍地, 常住地, 常住地 with a 居住证, 参保地, 就医地, 急难发生地)
             * @enum {string}
             */
            basis: "hukou" | "residence" | "residence-permit" | "insured" | "treatment" | "emergency";
            basisNote: string;
            /** @description the code of its category */
            category: string;
            code: components["schemas"]["ServiceCode"];
            /** @description the conditions each city sets for providing it at the residence place (一城一策) */
            conditions: {
                cityCode: components["schemas"]["RegionCode"];
                cityNameZh: string;
                conditions: {
                    /** @enum {string} */
                    kind: "residence-permit" | "residence-years" | "social-insurance-years" | "points";
                    minYears?: number;
                    note?: string;
                    scheme?: string;
                    threshold?: number;
                }[];
                /** @description true when the figures are illustrative, not the city's published rules */
                illustrative: boolean;
                note?: string;
            }[];
            domain: string;
            /** @description every period of an entitlement needs exactly one claim (a missing one is a gap) */
            entitlementNeedsClaimPerPeriod: boolean;
            evidence: null | {
                /**
                 * @description residence-place — required when a region other than the person's hukou region claims it
                 * @enum {string}
                 */
                appliesTo: "residence-place" | "any-provider";
                kinds: components["schemas"]["EvidenceKindCode"][];
                note?: string;
                seedRefs: components["schemas"]["SeedClause"][];
            };
            /** @description for insured items: the insurance branch whose insured region holds it */
            insuranceBranch: string | null;
            nameEn: string;
            nameZh: string;
            /** @description the national standard's item number; null until sourced */
            officialItemNo: string | null;
            /** @enum {string} */
            periodicity: "monthly" | "school-term" | "yearly" | "one-off" | "continuous";
            /** @description the `periodKey` a claim of this item takes */
            periodKeyFormat: string;
            seedRefs: components["schemas"]["SeedClause"][];
        };
        CatalogueVersion: {
            /** @description for city policies: the catalogue version their codes are written against */
            catalogueVersion: number | null;
            /** @description SHA-256 of the document */
            checksum: string;
            effectiveFrom: components["schemas"]["IsoDate"];
            /** @enum {string} */
            kind: "catalogue" | "city-policies";
            note: string | null;
            /**
             * @description bundled: the build's version 1; published: by operators
             * @enum {string}
             */
            origin: "bundled" | "published";
            publishedAt: string;
            publishedBy: string;
            version: number;
        };
        CatalogueVersions: {
            catalogue: components["schemas"]["CatalogueVersion"][];
            inForce: {
                catalogue: number;
                policies: number;
            };
            policies: components["schemas"]["CatalogueVersion"][];
        };
        /** @description 18-character citizen ID number (GB 11643); validated for region, birth date and check character; never echoed. */
        CitizenId: string;
        CityResidence: {
            city: components["schemas"]["RegionCode"];
            /** @description months of the city's current unbroken interval (0 when none runs on asOf) */
            continuousMonths: number;
            continuousYears: number;
            /** @description months counted in all the city's intervals */
            countedMonths: number;
        };
        /** @description not-responsible or already-claimed, by `code` (the facts a refused claim exists for) */
        ClaimRefusalProblem: components["schemas"]["ProblemNotResponsible"] | components["schemas"]["ProblemAlreadyClaimed"];
        ClearingLine: {
            admissionDate: components["schemas"]["IsoDate"];
            /** Format: uuid */
            correctsLineId: string | null;
            dischargeDate: components["schemas"]["IsoDate"];
            dispute: null | components["schemas"]["LineDispute"];
            fundPaidFen: components["schemas"]["Fen"];
            hospitalCode: string;
            insuredRegion: components["schemas"]["RegionCode"];
            /**
             * @description original: the settlement's first clearing; correction: a line disputed in an earlier cycle carried into this one
             * @enum {string}
             */
            kind: "original" | "correction";
            /** Format: uuid */
            lineId: string;
            lineNo: number;
            /** Format: date-time */
            recordedAt: string;
            selfPaidFen: components["schemas"]["Fen"];
            settlementId: string;
            /** @enum {string} */
            status: "open" | "disputed";
            subjectRef: components["schemas"]["SubjectRef"];
            totalFen: components["schemas"]["Fen"];
            treatmentRegion: components["schemas"]["RegionCode"];
        };
        ClearingStatement: {
            correctionCount: number;
            disputedCount: number;
            disputedFundPaidFen: components["schemas"]["FenSum"];
            fundPaidFen: components["schemas"]["FenSum"];
            /** Format: date-time */
            insuredConfirmedAt: string | null;
            insuredProvince: components["schemas"]["RegionCode"];
            /** Format: date-time */
            issuedAt: string;
            lineCount: number;
            lines: components["schemas"]["ClearingLine"][];
            month: string;
            originalCount: number;
            /** @description fund-paid sum of the undisputed lines, owed by the insured province to the treatment province for this cycle */
            payableFen: components["schemas"]["FenSum"];
            selfPaidFen: components["schemas"]["FenSum"];
            /** Format: uuid */
            statementId: string;
            /**
             * @description confirmed once both sides have confirmed
             * @enum {string}
             */
            status: "issued" | "confirmed";
            totalFen: components["schemas"]["FenSum"];
            /** Format: date-time */
            treatmentConfirmedAt: string | null;
            treatmentProvince: components["schemas"]["RegionCode"];
        };
        CollectionRegionDecision: {
            explanation: string;
            /** @description accumulated contribution months per insured place; regions are compared on the GB/T 2260 hierarchy (a district counts toward its city when the city is in the history) */
            monthsByRegion: {
                [key: string]: number;
            };
            region: components["schemas"]["RegionCode"];
            /** @enum {string} */
            rule: "hukou" | "last-10-years" | "previous-10-years" | "hukou-fallback";
        };
        ConditionCheck: {
            detail: string;
            /** @enum {string} */
            kind: "residence-permit" | "residence-years" | "social-insurance-years" | "points";
            met: boolean;
            /** @description the day the condition is or was met — the anniversary of a years condition (calendar years, the anniversary day counting), the day of a points decision; null while unknown */
            metOn: components["schemas"]["IsoDate"] | null;
            /** @description what the city asks, e.g. "residence ≥ 1 year" */
            required: string;
        };
        ContributionMonth: {
            /** @description monthly contribution base (缴费工资基数) in integer fen; at most 1,000,000 yuan */
            baseFen: number;
            month: components["schemas"]["YearMonth"];
        };
        DeadLetter: {
            attempts: number;
            consumer: string;
            /** Format: date-time */
            createdAt: string;
            errorCode: string;
            errorDetail: string;
            eventId: string | null;
            eventType: string | null;
            id: string;
            offset: string;
            partition: number;
            /** Format: date-time */
            replayedAt: string | null;
            topic: string;
        };
        DeadLetterPage: {
            items: components["schemas"]["DeadLetter"][];
            /** @description pass as `after` for the next page */
            next: string | null;
        };
        DisputeLinesRequest: {
            lines: {
                /** Format: uuid */
                lineId: string;
                reason: string;
            }[];
        };
        DuplicateMonthsDecision: {
            explanation: string;
            kept: components["schemas"]["TransferSide"];
            months: components["schemas"]["YearMonth"][];
            /** @description the side that clears its contributions for the months and refunds their individual-account share to the person */
            refundBy: components["schemas"]["TransferSide"];
            /** @description the refunded months priced one by one (base × account rate in ‰, half-up to the fen) */
            refundedShares?: {
                baseFen: number;
                month: components["schemas"]["YearMonth"];
                ratePermille: number;
                shareFen: number;
            }[];
            /** @description pension: the individual-account share refunded by the outbound region, integer fen (deducted from the balance moved; 0 when nothing is duplicated). null when not priced by the gateway: the inbound region clears its own months from its records, a medical transfer (the account share is set per pooling area), or a transfer certified before policy v2 */
            refundFen: number | null;
            /** @description the rule applied */
            rule: string;
            /** @description the regulations the rule comes from */
            source: string;
        };
        EndorsePermitRequest: {
            /** @description day of the endorsement (签注); from twenty years before today to today (Asia/Shanghai) — recorded once made, never ahead — and not before the permit's issue or last endorsement */
            endorsedOn: components["schemas"]["IsoDate"];
        };
        Entitlement: {
            /** @description the agency that opened it (first claim or direct) */
            openedBy: string;
            serviceCode: components["schemas"]["ServiceCode"];
            since: components["schemas"]["IsoDate"];
            sincePeriod: components["schemas"]["PeriodKey"];
            subjectRef: components["schemas"]["SubjectRef"];
        };
        EntitlementRequest: {
            serviceCode: components["schemas"]["ServiceCode"];
            sincePeriod: components["schemas"]["PeriodKey"];
            subjectRef: components["schemas"]["SubjectRef"];
        };
        /** @example residence-permit */
        EvidenceKindCode: string;
        EvidenceRef: {
            kind: components["schemas"]["EvidenceKindCode"];
            /** @description the document's id or number in the providing region's records (e.g. the residence permit's id); never a citizen ID number */
            reference: string;
        };
        /** @description A fact that moves responsibility, stated by its author and provisional until the releasing region consents or its objection window lapses. */
        FactChange: {
            branch: components["schemas"]["InsuranceBranch"] | null;
            /** Format: uuid */
            changeId: string;
            /** Format: date-time */
            decidedAt: string | null;
            /** @enum {string|null} */
            decision: "consent" | "objection-window" | "operator" | "uncontested" | "superseded" | null;
            effectiveOn: components["schemas"]["IsoDate"];
            /** @description the releasing region (current hukou region, or holder of the branch's services); null to the stating region until the change is definitive — stating a fact with an ID number proves no relationship to the person */
            fromRegion: string | null;
            /** @enum {string} */
            kind: "hukou-move" | "insured-region";
            note: string | null;
            objectionDeadline: components["schemas"]["IsoDate"];
            /** @description true while the official holiday schedule does not reach objectionDeadline yet (counted on the statutory holidays; counted again once a newer schedule covers it) */
            objectionDeadlineProvisional: boolean;
            objectionReason: string | null;
            /** Format: date-time */
            statedAt: string;
            /** @enum {string} */
            status: "provisional" | "disputed" | "definitive" | "rejected" | "superseded";
            subjectRef: components["schemas"]["SubjectRef"];
            toRegion: components["schemas"]["RegionCode"];
        };
        FactChangeDecisionRequest: {
            /** @description the operator's reasons (never personal data) */
            note: string;
            /** @enum {string} */
            outcome: "definitive" | "rejected";
        };
        /** @description an amount of money in integer fen (0.01 yuan) */
        Fen: number;
        /** @description a sum of amounts in integer fen (0.01 yuan), exact */
        FenSum: number;
        FieldError: {
            /** @description JSON pointer prefixed by the request part: /body/…, /query/…, /path/…, /header/… */
            field: string;
            message: string;
        };
        /**
         * @description long-term stay elsewhere (异地长期居住 — resettled retirees, long-term residents, staff posted elsewhere) or temporary treatment (临时外出就医 — referral, emergency, other)
         * @enum {string}
         */
        FilingCategory: "resettled-retiree" | "long-term-resident" | "posted-worker" | "referral" | "emergency" | "other-temporary";
        Gap: {
            /** Format: date-time */
            detectedAt: string;
            /** Format: uuid */
            gapId: string;
            hukouRegion: components["schemas"]["RegionCode"];
            periodEnd: components["schemas"]["IsoDate"];
            periodKey: components["schemas"]["PeriodKey"];
            region: components["schemas"]["RegionCode"];
            serviceCode: components["schemas"]["ServiceCode"];
            subjectRef: components["schemas"]["SubjectRef"];
        };
        GapPage: {
            items: components["schemas"]["Gap"][];
            /** @description pass as `after` for the next page */
            next: string | null;
        };
        GroupRecognition: {
            groupId: string;
            nameZh: string;
            recognisedMonths: number;
            recognisedYears: number;
            sources: {
                city: components["schemas"]["RegionCode"];
                months: number;
                /** Format: uuid */
                permitId: string;
                recognisedFrom: components["schemas"]["IsoDate"];
                recognisedTo: components["schemas"]["IsoDate"];
            }[];
            targetCity: components["schemas"]["RegionCode"];
        };
        Handoff: {
            /** Format: date-time */
            answeredAt: string | null;
            answerReason: string | null;
            /**
             * Format: uuid
             * @description the case of the move it belongs to (GET /v1/handoff-cases/{caseId})
             */
            caseId: string;
            /** @description the last day to answer */
            deadline: components["schemas"]["IsoDate"];
            /** @description true while the official holiday schedule does not reach the deadline yet: remindOn and deadline are then counted on the statutory holidays of the national holiday regulation, without make-up working days, and counted again once a newer schedule covers them */
            deadlineProvisional: boolean;
            /** @description answered by operators (a dispute or an escalated proposal decided) */
            decidedByOperator: boolean;
            /** Format: date-time */
            effectiveAt: string | null;
            /** @description the last day an accept may take effect (the proposal's window opens today) */
            effectiveBy: components["schemas"]["IsoDate"];
            /** Format: date-time */
            escalatedAt: string | null;
            fromRegion: components["schemas"]["RegionCode"];
            /** Format: uuid */
            handoffId: string;
            /** Format: date-time */
            proposedAt: string;
            reason: string;
            /** Format: date-time */
            remindedAt: string | null;
            remindOn: components["schemas"]["IsoDate"];
            serviceCode: components["schemas"]["ServiceCode"];
            /** @enum {string} */
            status: "proposed" | "disputed" | "accepted" | "rejected" | "withdrawn";
            subjectRef: components["schemas"]["SubjectRef"];
            toRegion: components["schemas"]["RegionCode"];
        };
        HandoffCase: {
            /** Format: uuid */
            caseId: string;
            fromRegion: components["schemas"]["RegionCode"];
            /** @description one per service that moves, in service-code order */
            handoffs: components["schemas"]["Handoff"][];
            /** Format: date-time */
            proposedAt: string;
            proposedOn: components["schemas"]["IsoDate"];
            /** @description the cause */
            reason: string;
            /**
             * @description open while a service of it awaits an answer (proposed or disputed)
             * @enum {string}
             */
            status: "open" | "closed";
            subjectRef: components["schemas"]["SubjectRef"];
            toRegion: components["schemas"]["RegionCode"];
        };
        HandoffCaseReasonRequest: {
            reason: string;
            services?: components["schemas"]["CaseServices"];
        };
        HandoffDecisionRequest: {
            /** @enum {string} */
            decision: "accept" | "reject";
            /** @description required to accept — today … the proposal's effectiveBy */
            effectiveFrom?: components["schemas"]["IsoDate"];
            reason: string;
        };
        HandoffPage: {
            items: components["schemas"]["Handoff"][];
            /** @description pass as `after` for the next page */
            next: string | null;
        };
        HandoffReasonRequest: {
            reason: string;
        };
        Health: {
            /** @enum {string} */
            status: "up";
        };
        Holder: {
            region: components["schemas"]["RegionCode"];
            serviceCode: components["schemas"]["ServiceCode"];
            /** Format: date-time */
            since: string;
        };
        HukouMoveRequest: {
            citizenId: components["schemas"]["CitizenId"];
            hukouRegion: components["schemas"]["RegionCode"];
            /** @description day of the move; from a year before today to a month after it (China time) — stated when registered, or ahead from a 准迁证; an older move is a correction for operators */
            movedOn: components["schemas"]["IsoDate"];
        };
        /**
         * @description social-insurance branch (险种); maternity insurance is part of `medical`
         * @enum {string}
         */
        InsuranceBranch: "pension" | "medical" | "unemployment" | "work-injury" | "occupational-injury";
        /**
         * @description enterprise-employee basic pension (城镇企业职工基本养老保险) or employee basic medical insurance (职工基本医疗保险)
         * @enum {string}
         */
        InsuranceType: "pension" | "medical";
        InsuredPeriod: {
            from: components["schemas"]["YearMonth"];
            region: components["schemas"]["RegionCode"];
            to: components["schemas"]["YearMonth"];
        };
        InsuredRegionChangeRequest: {
            branch: components["schemas"]["InsuranceBranch"];
            citizenId: components["schemas"]["CitizenId"];
            insuredRegion: components["schemas"]["RegionCode"];
            /** @description first day insured there; from seventy years before today (a working life still in the records) to a month after today (China time — a registration starting with next month's contributions) */
            since: components["schemas"]["IsoDate"];
        };
        InsuredRelation: {
            branch: components["schemas"]["InsuranceBranch"];
            region: components["schemas"]["RegionCode"];
            since: components["schemas"]["IsoDate"];
        };
        /**
         * Format: date
         * @description A calendar day (YYYY-MM-DD, Asia/Shanghai) from 1900-01-01 to 2199-12-31 (the pattern bounds the
         *     year; `format: date` makes it a real day): the gateway refuses any other value with 422
         *     `validation-failed` naming the field. Each request field has its own narrower window relative to
         *     today, stated in its description and checked by the service that reads it (422
         *     `validation-failed` naming the field, with the window's `notBefore` and `notAfter`).
         * @example 2026-03-01
         */
        IsoDate: string;
        IssuePermitRequest: {
            /**
             * @description stable employment, stable housing or continuous study
             * @enum {string}
             */
            basis: "employment" | "housing" | "study";
            citizenId: components["schemas"]["CitizenId"];
            hukouRegion: components["schemas"]["RegionCode"];
            /** @description day of issue; from twenty years before today to today — a permit is recorded once issued, never ahead */
            issuedOn: components["schemas"]["IsoDate"];
            permitNumber: string;
            residenceCity: components["schemas"]["RegionCode"];
            /** @description first day of residence in the city; from a hundred years before today to today (Asia/Shanghai), and at least six months before issuedOn */
            residenceSince: components["schemas"]["IsoDate"];
            /** @description last day of validity; after issuedOn and at most ten years after it (local terms run one to five years) */
            validUntil: components["schemas"]["IsoDate"];
        };
        KafkaHealth: {
            /** Format: date-time */
            checkedAt: string;
            consumerGroups: {
                groupId: string;
                members: number;
                partitions: components["schemas"]["KafkaPartitionLag"][];
                state: string;
                totalLag: number;
            }[];
            deadLetters: {
                consumer: string;
                oldestAgeSeconds: number | null;
                open: number;
            }[];
            outboxes: {
                backlog: number;
                lastRelayDelaySeconds: number | null;
                oldestUnpublishedAgeSeconds: number | null;
                schema: string;
            }[];
        };
        KafkaPartitionLag: {
            /** @description the group's committed offset; null when never committed */
            committed: string | null;
            /** @description high watermark */
            high: string;
            lag: number;
            partition: number;
            topic: string;
        };
        LineDispute: {
            /** Format: date-time */
            disputedAt: string;
            reason: string;
            /** @enum {string} */
            side: "insured" | "treatment";
        };
        MedicalClearing: {
            month: string;
            statements: components["schemas"]["ClearingStatement"][];
        };
        MedicalFiling: {
            cancellationReason: string | null;
            /** Format: date-time */
            cancelledAt: string | null;
            category: components["schemas"]["FilingCategory"];
            /** Format: uuid */
            filingId: string;
            insuredRegion: components["schemas"]["RegionCode"];
            /** Format: date-time */
            registeredAt: string;
            /** @enum {string} */
            status: "active" | "cancelled";
            subjectRef: components["schemas"]["SubjectRef"];
            /** @enum {string} */
            term: "long-term" | "temporary";
            treatmentRegion: components["schemas"]["RegionCode"];
            validFrom: components["schemas"]["IsoDate"];
            /** @description last day of validity; null = open-ended */
            validTo: components["schemas"]["IsoDate"] | null;
        };
        MedicalSettlement: {
            admissionDate: components["schemas"]["IsoDate"];
            /** @enum {string} */
            admissionType: "planned" | "emergency";
            /**
             * Format: uuid
             * @description the provision claim the bill holds in the responsibility ledger
             */
            claimId: string | null;
            /** @description the month whose clearing counts it (its recording month) */
            clearingMonth: string;
            dischargeDate: components["schemas"]["IsoDate"];
            /**
             * Format: uuid
             * @description the covering filing; null for an emergency admission settled without one
             */
            filingId: string | null;
            fundPaidFen: components["schemas"]["Fen"];
            hospitalCode: string;
            insuredRegion: components["schemas"]["RegionCode"];
            /** Format: date-time */
            recordedAt: string;
            selfPaidFen: components["schemas"]["Fen"];
            settlementId: string;
            subjectRef: components["schemas"]["SubjectRef"];
            totalFen: components["schemas"]["Fen"];
            treatmentRegion: components["schemas"]["RegionCode"];
        };
        ObjectionRequest: {
            /** @description why the releasing region objects (never personal data) */
            reason: string;
        };
        OperatorAuditEntry: {
            action: string;
            actor: string;
            /** @description linked into the audit hash chain yet */
            chained: boolean;
            id: string;
            /**
             * @description resource — on one of the item's own paths; request — the request wrote one of the item's events (e.g. the creating POST, audited on the collection path)
             * @enum {string}
             */
            matchedBy: "resource" | "request";
            /** Format: date-time */
            occurredAt: string;
            region: string | null;
            requestId: string | null;
            resource: string;
            role: string;
            status: number;
        };
        OperatorDecision: {
            action: components["schemas"]["OperatorDecisionAction"];
            /** Format: date-time */
            decidedAt: string;
            decidedBy: string;
            id: string;
            note: string;
            requestId: string | null;
        };
        /** @enum {string} */
        OperatorDecisionAction: "resolve" | "escalate" | "close";
        OperatorDecisionRequest: {
            action: components["schemas"]["OperatorDecisionAction"];
            /** @description the operator's reason (no citizen ID numbers) */
            note: string;
        };
        /** @description a CloudEvent as written to an outbox (attributes, data) with its publication time */
        OperatorHistoryEvent: {
            actor: string | null;
            data: unknown;
            id: string;
            /** Format: date-time */
            publishedAt: string | null;
            recipients: string[];
            requestId: string | null;
            schema: string;
            seq: string;
            source: string;
            subject: string;
            /** Format: date-time */
            time: string;
            type: string;
        };
        OperatorItem: {
            /** @description decisions open to an operator now */
            actions: components["schemas"]["OperatorDecisionAction"][];
            audit: components["schemas"]["OperatorAuditEntry"][];
            decisions: components["schemas"]["OperatorDecision"][];
            events: components["schemas"]["OperatorHistoryEvent"][];
            /** @description the item's current state as flat name → value pairs (strings, numbers, booleans, null) */
            facts: {
                [key: string]: unknown;
            };
            id: string;
            kind: components["schemas"]["OperatorItemKind"];
            status: string;
            subjectRef: string | null;
            title: string;
        };
        /** @enum {string} */
        OperatorItemKind: "dead-letter" | "transfer" | "handoff-case" | "handoff" | "fact-change" | "gap" | "reconciliation-item" | "settlement" | "statement" | "statement-line" | "filing";
        OperatorQueue: {
            /** @description Chinese heading the console groups queues under */
            group: string;
            /** @example si-transfers-certificate */
            id: string;
            /** @description path of the queue's items */
            items: string;
            kind: components["schemas"]["OperatorItemKind"];
            /**
             * @description Chinese label
             * @example 社保转移接续·待出具参保缴费凭证
             */
            label: string;
            oldestAgeSeconds: number | null;
            overdue: number;
            /** @description items carry a statutory deadline in working days */
            statutory: boolean;
            total: number;
        };
        OperatorQueueItem: {
            ageSeconds: number;
            /** @description last day of the statutory limit */
            dueOn: components["schemas"]["IsoDate"] | null;
            /** @description true while the official holiday schedule does not reach dueOn yet (counted on the statutory holidays, without make-up working days; it may move once a newer schedule covers it) */
            dueOnProvisional: boolean;
            escalated: boolean;
            id: string;
            kind: components["schemas"]["OperatorItemKind"];
            /** @description path of the item (its history) */
            link: string;
            overdue: boolean;
            queueId: string;
            regions: string[];
            /** @description the catalogue service the item concerns (null for dead letters and fact changes) */
            serviceCode: string | null;
            /** @description day the statutory clock started */
            startedOn: components["schemas"]["IsoDate"] | null;
            status: string;
            /** @description the statutory limit in working days */
            statutoryWorkingDays: number | null;
            /** @description pseudonymous subject reference (or the Kafka key of a dead letter) */
            subjectRef: string | null;
            title: string;
            /** Format: date-time */
            waitingSince: string;
            /**
             * @description working days from today to dueOn (0 on the due day); once overdue, minus the working days
             *     since dueOn and never more than -1 (a deadline that ran out on a Friday is -1 over the weekend)
             */
            workingDaysLeft: number | null;
        };
        OperatorQueueList: {
            queues: components["schemas"]["OperatorQueue"][];
            today: components["schemas"]["IsoDate"];
        };
        OperatorQueuePage: {
            items: components["schemas"]["OperatorQueueItem"][];
            /** @description pass as `offset` for the next page */
            next: number | null;
            queue: components["schemas"]["OperatorQueue"];
        };
        OperatorSearchResult: {
            items: {
                id: string;
                kind: components["schemas"]["OperatorItemKind"];
                /** @description path of the item's page */
                link: string;
                status: string;
                subjectRef: string | null;
                title: string;
            }[];
            q: string;
        };
        /**
         * @example 2026-03
         * @example 2026-autumn
         * @example bill:440100:S123
         */
        PeriodKey: string;
        Permit: {
            /** @enum {string} */
            basis: "employment" | "housing" | "study";
            cancellationReason?: string | null;
            cancelledOn?: components["schemas"]["IsoDate"] | null;
            /** @description the next yearly endorsement (签注) is due on or before this day (window opens 30 days before) */
            endorsementDue?: components["schemas"]["IsoDate"];
            hukouRegion: components["schemas"]["RegionCode"];
            issuedOn: components["schemas"]["IsoDate"];
            lastEndorsedOn?: components["schemas"]["IsoDate"] | null;
            /** Format: uuid */
            permitId: string;
            permitNumber: string;
            residenceCity: components["schemas"]["RegionCode"];
            residenceSince: components["schemas"]["IsoDate"];
            /** @description the residence years the city counts run from this day (residenceSince, or a late endorsement) */
            residenceYearsCountFrom?: components["schemas"]["IsoDate"];
            /**
             * @description suspended — an endorsement was missed and the permit's functions are stopped until a late endorsement
             * @enum {string}
             */
            status: "active" | "suspended" | "cancelled";
            subjectRef: components["schemas"]["SubjectRef"];
            suspendedOn?: components["schemas"]["IsoDate"] | null;
            validUntil: components["schemas"]["IsoDate"];
        };
        PointsAllotment: {
            /** Format: uuid */
            allotmentId: string;
            decidedOn: components["schemas"]["IsoDate"];
            decisionRef: string;
            /**
             * Format: uuid
             * @description the handoff the decision caused; null when the service stays for now (another condition unmet, already held by the city, or a rejected proposal resting)
             */
            handoffId: string | null;
            points: number;
            /** @description the deciding city */
            region: components["schemas"]["RegionCode"];
            serviceCode: components["schemas"]["ServiceCode"];
            subjectRef: components["schemas"]["SubjectRef"];
        };
        PointsAllotmentRequest: {
            decidedOn: components["schemas"]["IsoDate"];
            /** @description the city's decision (number or reference) */
            decisionRef: string;
            /** @description the person's points in the city's scheme */
            points: number;
            serviceCode: components["schemas"]["ServiceCode"];
            subjectRef: components["schemas"]["SubjectRef"];
        };
        PointsConversion: {
            asOf: components["schemas"]["IsoDate"];
            explanation: string[];
            facts: {
                /** @enum {string|null} */
                housing: "owned" | "rented" | "none" | null;
                /** @description residence months as fromCity counts them */
                residenceMonthsFrom: number;
                /** @description residence months as toCity counts them (recognition groups apply) */
                residenceMonthsTo: number;
                socialInsuranceMonths: number | null;
                sources: string[];
            };
            from: components["schemas"]["PointsScore"];
            fromCity: components["schemas"]["RegionCode"];
            subjectRef: components["schemas"]["SubjectRef"] | null;
            to: components["schemas"]["PointsScore"];
            toCity: components["schemas"]["RegionCode"];
        };
        PointsConversionRequest: {
            /** @description the day residence is measured on (default today, Asia/Shanghai); from a hundred years before today to ten years after it */
            asOf?: components["schemas"]["IsoDate"];
            facts?: components["schemas"]["PointsFacts"];
            fromCity: components["schemas"]["RegionCode"];
            subjectRef?: components["schemas"]["SubjectRef"];
            toCity: components["schemas"]["RegionCode"];
        };
        PointsFacts: {
            /** @enum {string} */
            housing?: "owned" | "rented" | "none";
            /** @description residence months (used for both cities when no subjectRef is given) */
            residenceMonths?: number;
            socialInsuranceMonths?: number;
        };
        PointsItemScore: {
            capped: boolean;
            /** @description the fact scored, as stated or derived */
            fact: string;
            /** @enum {string} */
            kind: "residence-years" | "social-insurance-years" | "stable-housing";
            points: number;
            /** @description the scheme item (weight and cap) */
            rule: string;
            why: string;
        };
        PointsScore: {
            city: components["schemas"]["RegionCode"];
            illustrative: boolean;
            items: components["schemas"]["PointsItemScore"][];
            schemeVersion: number;
            total: number;
        };
        /**
         * @description 409 — the service is already claimed for this person and period; the claim's region, id and time
         *     (null only if the earlier claim cannot be read back).
         */
        ProblemAlreadyClaimed: {
            /** Format: date-time */
            claimedAt: string | null;
            /**
             * @description the region that claimed it
             * @example 440100
             */
            claimedBy: string | null;
            /** Format: uuid */
            claimId: string | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "already-claimed";
            detail: string;
            /** @description the request path */
            instance: string;
            /** @description the X-Request-Id of the request */
            requestId?: string;
            /** @constant */
            status: 409;
            title: string;
            /**
             * Format: uri
             * @constant
             */
            type: "urn:tongban:problem:already-claimed";
        } & {
            [key: string]: unknown;
        };
        /** @description 409 — the request conflicts with what is already recorded (a second open item where one is allowed, another value under the same id). */
        ProblemConflict: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "conflict";
            detail: string;
            /** @description JSON pointers of the fields that differ from the recorded settlement */
            differingFields?: string[];
            /** @description the request path */
            instance: string;
            /** @description second-active-permit, registered-elsewhere, fact-change-open, already-allotted */
            reason?: string;
            /** @description the X-Request-Id of the request */
            requestId?: string;
            /** @description one-active-long-term-filing, one-open-transfer-per-person-and-insurance, dispute-once */
            rule?: string;
            /** @description the settlement id already recorded with other values */
            settlementId?: string;
            /** @constant */
            status: 409;
            title: string;
            /**
             * Format: uri
             * @constant
             */
            type: "urn:tongban:problem:conflict";
        } & {
            [key: string]: unknown;
        };
        /** @description 500 — an event the request would publish does not match its contract; nothing was stored. */
        ProblemEventSchemaViolation: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "event-schema-violation";
            detail: string;
            errors?: components["schemas"]["FieldError"][];
            /** @description the request path */
            instance: string;
            /** @description the X-Request-Id of the request */
            requestId?: string;
            /** @constant */
            status: 500;
            title: string;
            /**
             * Format: uri
             * @constant
             */
            type: "urn:tongban:problem:event-schema-violation";
        } & {
            [key: string]: unknown;
        };
        /** @description 403 — the calling region or agency may not do this (docs/ACCESS.md). */
        ProblemForbidden: {
            /** @enum {string} */
            code: "forbidden";
            detail: string;
            /** @description JSON pointer of the field that names what the caller may not see */
            field?: string;
            /** @description the request path */
            instance: string;
            issuingCity?: components["schemas"]["RegionCode"];
            /** @description the X-Request-Id of the request */
            requestId?: string;
            /** @description the agency kind that acts for this operation or service */
            requiredAgency?: string;
            /** @description the rule that forbids it: insured-region-only */
            rule?: string;
            /** @constant */
            status: 403;
            title: string;
            /**
             * Format: uri
             * @constant
             */
            type: "urn:tongban:problem:forbidden";
        } & {
            [key: string]: unknown;
        };
        /** @description 422 — this Idempotency-Key was first used with a different request. */
        ProblemIdempotencyKeyReused: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "idempotency-key-reused";
            detail: string;
            /** @description the request path */
            instance: string;
            /** @description the X-Request-Id of the request */
            requestId?: string;
            /** @constant */
            status: 422;
            title: string;
            /**
             * Format: uri
             * @constant
             */
            type: "urn:tongban:problem:idempotency-key-reused";
        } & {
            [key: string]: unknown;
        };
        /** @description 500 — an unexpected error; quote `requestId` to operations. */
        ProblemInternal: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "internal";
            detail: string;
            /** @description the request path */
            instance: string;
            /** @description the X-Request-Id of the request */
            requestId?: string;
            /** @constant */
            status: 500;
            title: string;
            /**
             * Format: uri
             * @constant
             */
            type: "urn:tongban:problem:internal";
        } & {
            [key: string]: unknown;
        };
        /** @description 422 — the citizen ID number fails GB 11643 (region, birth date or check character); the number is never echoed. */
        ProblemInvalidCitizenId: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "invalid-citizen-id";
            detail: string;
            /** @description JSON pointer of the field */
            field?: string;
            /** @description the request path */
            instance: string;
            /** @description which check failed (libs/identity CitizenIdRejection) */
            reason: string;
            /** @description the X-Request-Id of the request */
            requestId?: string;
            /** @constant */
            status: 422;
            title: string;
            /**
             * Format: uri
             * @constant
             */
            type: "urn:tongban:problem:invalid-citizen-id";
        } & {
            [key: string]: unknown;
        };
        /** @description 422 — a region code is malformed, not a current GB/T 2260 region, or not of the level the field needs. */
        ProblemInvalidRegionCode: {
            /** @description the city code of a published city policy */
            city?: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "invalid-region-code";
            detail: string;
            /** @description JSON pointer of the field */
            field?: string;
            /** @description the request path */
            instance: string;
            /** @description JSON pointer into `source` */
            pointer?: string;
            /** @description format, unknown, province-level, county-level, not-city-level */
            reason?: string;
            /** @description the X-Request-Id of the request */
            requestId?: string;
            /** @description the published document that names it */
            source?: string;
            /** @constant */
            status: 422;
            title: string;
            /**
             * Format: uri
             * @constant
             */
            type: "urn:tongban:problem:invalid-region-code";
        } & {
            [key: string]: unknown;
        };
        /** @description 409 — not possible in the resource's current state (answered, cancelled, confirmed, replayed, …). */
        ProblemInvalidTransition: {
            /** @description the transfer states in which the step is possible */
            allowedStates?: string[];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "invalid-transition";
            /** @description the resource's status now (a permit's, handoff's, fact change's, filing's or operator item's) */
            currentStatus?: string;
            detail: string;
            /** @description the request path */
            instance: string;
            /** @description the X-Request-Id of the request */
            requestId?: string;
            /** @description the statement side (insured or treatment) that confirmed */
            side?: string;
            /** @description a transfer's state */
            state?: string;
            /** @constant */
            status: 409;
            title: string;
            /**
             * Format: uri
             * @constant
             */
            type: "urn:tongban:problem:invalid-transition";
            /** @description the day the permit expired */
            validUntil?: components["schemas"]["IsoDate"];
        } & {
            [key: string]: unknown;
        };
        /** @description 400 — the body is not valid JSON, or the request cannot be read at all. */
        ProblemMalformedRequest: {
            /** @enum {string} */
            code: "malformed-request";
            detail: string;
            /** @description the request path */
            instance: string;
            /** @description the X-Request-Id of the request */
            requestId?: string;
            /** @constant */
            status: 400;
            title: string;
            /**
             * Format: uri
             * @constant
             */
            type: "urn:tongban:problem:malformed-request";
        } & {
            [key: string]: unknown;
        };
        /** @description 404 — no such resource, or one the calling region may not learn about. */
        ProblemNotFound: {
            /** @description the catalogue version that was asked */
            catalogueVersion?: number;
            /** @enum {string} */
            code: "not-found";
            detail: string;
            /** @description the request path */
            instance: string;
            /** @description the X-Request-Id of the request */
            requestId?: string;
            /** @description a service code the catalogue in force does not list */
            service?: string;
            /** @constant */
            status: 404;
            title: string;
            /**
             * Format: uri
             * @constant
             */
            type: "urn:tongban:problem:not-found";
        } & {
            [key: string]: unknown;
        };
        /**
         * @description 409 — another region held the service for this person at the start of the period claimed; that
         *     region provides it (told only to a region related to the person).
         */
        ProblemNotResponsible: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "not-responsible";
            detail: string;
            /** @description the request path */
            instance: string;
            /** @description the first day of the period claimed, the day that decides */
            periodStart: components["schemas"]["IsoDate"];
            /** @description the X-Request-Id of the request */
            requestId?: string;
            responsibleRegion: components["schemas"]["RegionCode"];
            serviceCode: components["schemas"]["ServiceCode"];
            /**
             * Format: date-time
             * @description since when that region holds the service
             */
            since: string;
            /** @constant */
            status: 409;
            title: string;
            /**
             * Format: uri
             * @constant
             */
            type: "urn:tongban:problem:not-responsible";
        } & {
            [key: string]: unknown;
        };
        /** @description 413 — the body exceeds the size limit. */
        ProblemPayloadTooLarge: {
            /** @enum {string} */
            code: "payload-too-large";
            detail: string;
            /** @description the request path */
            instance: string;
            /** @description the X-Request-Id of the request */
            requestId?: string;
            /** @constant */
            status: 413;
            title: string;
            /**
             * Format: uri
             * @constant
             */
            type: "urn:tongban:problem:payload-too-large";
        } & {
            [key: string]: unknown;
        };
        /** @description 422 — a published city policy (一城一策) or catalogue version breaks a rule of the national policy. */
        ProblemPolicyRejected: {
            /** @description the service's basis in the catalogue */
            basis?: string;
            /** @description the city code of the policy */
            city?: string;
            /** @description the seed clause that decides, e.g. 000-八 */
            clause?: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "policy-rejected";
            /** @description the condition kind */
            condition?: string;
            detail: string;
            /** @description the request path */
            instance: string;
            /** @description forbidden-condition, duplicate-condition, duplicate-city, duplicate-service, unknown-service, not-residence-based, catalogue-version */
            reason?: string;
            /** @description the X-Request-Id of the request */
            requestId?: string;
            /** @description the service code the policy conditions */
            service?: string;
            /** @description the published document */
            source?: string;
            /** @constant */
            status: 422;
            title: string;
            /**
             * Format: uri
             * @constant
             */
            type: "urn:tongban:problem:policy-rejected";
        } & {
            [key: string]: unknown;
        };
        /** @description 429 — more requests per second than the credential is allowed; the Retry-After header repeats `retryAfterSeconds`. */
        ProblemRateLimited: {
            /** @enum {string} */
            code: "rate-limited";
            detail: string;
            /** @description the request path */
            instance: string;
            /** @description the X-Request-Id of the request */
            requestId?: string;
            retryAfterSeconds: number;
            /** @constant */
            status: 429;
            title: string;
            /**
             * Format: uri
             * @constant
             */
            type: "urn:tongban:problem:rate-limited";
        } & {
            [key: string]: unknown;
        };
        /** @description 422 — the request is well formed but a business rule refuses it; `rule` (or `reason`) names the rule. */
        ProblemRuleViolated: {
            /** @description the operator actions an item of this kind takes */
            allowed?: string[];
            /** @description the city whose policy is missing */
            city?: string;
            /** @description the seed clause that decides, e.g. 000-十二 */
            clause?: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "rule-violated";
            detail: string;
            /** @description the endorsement's due day */
            dueOn?: components["schemas"]["IsoDate"];
            errors?: components["schemas"]["FieldError"][];
            /** @description JSON pointer of the field the rule reads */
            field?: string;
            /** @description the request path */
            instance: string;
            /** @description the evidence kinds a request must reference and does not */
            missing?: string[];
            /** @description the contribution month that cannot be priced */
            month?: components["schemas"]["YearMonth"];
            /** @description why, for refusals older than `rule`: hukou-region-unknown, hukou-region-mismatch, no-points-scheme */
            reason?: string;
            /** @description the X-Request-Id of the request */
            requestId?: string;
            /** @description the rule's stable name */
            rule?: string;
            /** @constant */
            status: 422;
            title: string;
            /**
             * Format: uri
             * @constant
             */
            type: "urn:tongban:problem:rule-violated";
            /** @description the first day an endorsement is accepted */
            windowOpens?: components["schemas"]["IsoDate"];
        } & {
            [key: string]: unknown;
        };
        /** @description 401 — no credential, an unknown one, or a client certificate that names no holder. */
        ProblemUnauthenticated: {
            /** @enum {string} */
            code: "unauthenticated";
            detail: string;
            /** @description the request path */
            instance: string;
            /** @description the X-Request-Id of the request */
            requestId?: string;
            /** @constant */
            status: 401;
            title: string;
            /**
             * Format: uri
             * @constant
             */
            type: "urn:tongban:problem:unauthenticated";
        } & {
            [key: string]: unknown;
        };
        /** @description 503 — a dependency (PostgreSQL, Kafka) is not reachable now; retry later with the same Idempotency-Key. */
        ProblemUnavailable: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "unavailable";
            detail: string;
            /** @description the request path */
            instance: string;
            /** @description the X-Request-Id of the request */
            requestId?: string;
            /** @constant */
            status: 503;
            title: string;
            /**
             * Format: uri
             * @constant
             */
            type: "urn:tongban:problem:unavailable";
        } & {
            [key: string]: unknown;
        };
        /** @description 415 — the body's media type or encoding is not one the operation accepts. */
        ProblemUnsupportedMediaType: {
            /** @enum {string} */
            code: "unsupported-media-type";
            detail: string;
            /** @description the request path */
            instance: string;
            /** @description the X-Request-Id of the request */
            requestId?: string;
            /** @constant */
            status: 415;
            title: string;
            /**
             * Format: uri
             * @constant
             */
            type: "urn:tongban:problem:unsupported-media-type";
        } & {
            [key: string]: unknown;
        };
        /** @description 422 — the request does not match the contract, or a field is outside its window; `errors` names each field. */
        ProblemValidationFailed: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "validation-failed";
            detail: string;
            errors?: components["schemas"]["FieldError"][];
            /** @description JSON pointer of the first failing field, when one field decides */
            field?: string;
            /** @description the request path */
            instance: string;
            /** @description last period start a provision claim accepts */
            lastStart?: components["schemas"]["IsoDate"];
            /** @description the failing line of an NDJSON upload */
            line?: number;
            /** @description last day the field accepts */
            notAfter?: components["schemas"]["IsoDate"];
            /** @description first day (or period end) the field accepts */
            notBefore?: components["schemas"]["IsoDate"];
            /** @description JSON pointer into `source` */
            pointer?: string;
            /** @description why, where no field says it: subject-ref-format */
            reason?: string;
            /** @description the X-Request-Id of the request */
            requestId?: string;
            /** @description the published document that failed (catalogue or city-policy publication) */
            source?: string;
            /** @constant */
            status: 422;
            title: string;
            /**
             * Format: uri
             * @constant
             */
            type: "urn:tongban:problem:validation-failed";
        } & {
            [key: string]: unknown;
        };
        ProvisionClaim: {
            /**
             * @description the catalogue basis the claim was granted on (for treatment / emergency the claiming region asserted it is the place)
             * @enum {string}
             */
            basis: "hukou" | "residence" | "residence-permit" | "insured" | "treatment" | "emergency";
            /** Format: date-time */
            claimedAt: string;
            /** Format: uuid */
            claimId: string;
            /** @description the evidence the claim referenced */
            evidence: components["schemas"]["EvidenceRef"][];
            /** @description the day after the period (exclusive) */
            periodEnd: components["schemas"]["IsoDate"];
            periodKey: components["schemas"]["PeriodKey"];
            /** @description the day whose holder owns the claim — the period's first day, or the reference date */
            periodStart: components["schemas"]["IsoDate"];
            region: components["schemas"]["RegionCode"];
            serviceCode: components["schemas"]["ServiceCode"];
            subjectRef: components["schemas"]["SubjectRef"];
        };
        ProvisionClaimRequest: {
            /**
             * @description references to the evidence the catalogue requires for the item (`GET /v1/catalogue`, 统一证明材料要求):
             *     e.g. the residence permit when a region other than the person's hukou region claims a
             *     residence-permit item. Without a required reference: 422 `rule-violated`, `rule: evidence-required`,
             *     naming the missing kinds and clause 000-十二.
             */
            evidence?: components["schemas"]["EvidenceRef"][];
            periodKey: components["schemas"]["PeriodKey"];
            /** @description services without periods only (one-off, continuous) — the day of provision, whose holder owns the claim; default today; within the last 12 months and no later than the end of next month */
            referenceDate?: components["schemas"]["IsoDate"];
            serviceCode: components["schemas"]["ServiceCode"];
            subjectRef: components["schemas"]["SubjectRef"];
        };
        PublishVersionRequest: {
            /**
             * @description the whole document (a JSON object): validated by the service against its own strict JSON Schema
             *     (libs/catalogue/data/*.schema.json, additionalProperties false throughout) and the catalogue's
             *     rules, with problems naming the JSON pointer or the clause
             */
            document: unknown;
            /** @description the day it takes effect — today … a year ahead, not before the previous version's day */
            effectiveFrom: components["schemas"]["IsoDate"];
            note?: string;
        };
        Readiness: {
            checks: {
                [key: string]: "up" | "down";
            };
            /** @enum {string} */
            status: "up" | "down";
        };
        Reconciliation: {
            /** @description the uploading agency kind; only it (and operators) sees the reconciliation */
            agency: string | null;
            /** Format: date-time */
            completedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            gaps: number;
            overlaps: number;
            /** Format: uuid */
            reconciliationId: string;
            records: number;
            region: components["schemas"]["RegionCode"];
            /** @enum {string} */
            status: "completed";
            unknown: number;
        };
        ReconciliationItem: {
            itemNo: number;
            /**
             * @description overlap: another region's claim in the ledger covers it; gap: entitled, nobody provided; unknown: the ledger has no claim for it
             * @enum {string}
             */
            kind: "overlap" | "gap" | "unknown";
            /** @description line of the upload (null for gaps) */
            lineNo: number | null;
            /** @description the region whose claim overlaps — only when the uploader is related to the person, else empty */
            otherRegions: components["schemas"]["RegionCode"][];
            periodKey: components["schemas"]["PeriodKey"];
            serviceCode: components["schemas"]["ServiceCode"];
            subjectRef: components["schemas"]["SubjectRef"];
        };
        ReconciliationItemPage: {
            items: components["schemas"]["ReconciliationItem"][];
            /** @description pass as `cursor` for the next page */
            next: string | null;
        };
        RecordSettlementRequest: {
            /** @description from two years before today to today (China time); a longer stay is settled in parts */
            admissionDate: components["schemas"]["IsoDate"];
            /**
             * @description an emergency admission (急诊抢救) counts as filed and needs no filing
             * @default planned
             * @enum {string}
             */
            admissionType: "planned" | "emergency";
            citizenId: components["schemas"]["CitizenId"];
            /** @description not before admissionDate; from a year before today to today (China time) — a settlement is recorded at or after discharge */
            dischargeDate: components["schemas"]["IsoDate"];
            fundPaidFen: components["schemas"]["Fen"];
            /** @description designated medical institution code (定点医疗机构编码) */
            hospitalCode: string;
            insuredRegion: components["schemas"]["RegionCode"];
            selfPaidFen: components["schemas"]["Fen"];
            /** @description the treatment region's own settlement number */
            settlementId: string;
            totalFen: components["schemas"]["Fen"];
        };
        /**
         * @description GB/T 2260 administrative region code (province xx0000, city xxxx00)
         * @example 440100
         */
        RegionCode: string;
        RegisterFilingRequest: {
            category: components["schemas"]["FilingCategory"];
            citizenId: components["schemas"]["CitizenId"];
            treatmentRegion: components["schemas"]["RegionCode"];
            /** @description first day of validity; within a year of today either way (China time) — ahead of a planned stay, or back to cover a stay admitted before the filing (补办备案 before discharge) */
            validFrom: components["schemas"]["IsoDate"];
            /** @description last day of validity (inclusive), from validFrom to ten years after it; required for temporary categories, optional (open-ended) for long-term ones */
            validTo?: components["schemas"]["IsoDate"];
        };
        RegisterSubjectRequest: {
            citizenId: components["schemas"]["CitizenId"];
            hukouRegion: components["schemas"]["RegionCode"];
        };
        RenewPermitRequest: {
            /** @description the new last day of validity; after the current one, from today to ten years after today (Asia/Shanghai) */
            validUntil: components["schemas"]["IsoDate"];
        };
        ReplayAllRequest: {
            consumer?: string;
        };
        ReplayAllResult: {
            replayed: number;
        };
        RequestTransferRequest: {
            /** @description day the inbound region received the written application (default today); within the last 12 months, not in the future. Starts the pension review clock, the medical outbound clock. */
            appliedOn?: components["schemas"]["IsoDate"];
            citizenId: components["schemas"]["CitizenId"];
            /** @description which side keeps months contributed in both regions (重复缴费), agreed with the person; default inbound */
            duplicateMonthsKept?: components["schemas"]["TransferSide"];
            /**
             * @description references to the evidence the catalogue in force requires for the request (`GET /v1/catalogue`,
             *     `transferEvidence`, step `request`; 统一证明材料要求): for a pension transfer the written
             *     application (`transfer-application`, 国办发〔2009〕66号 第八条（一）); none for medical insurance.
             *     Without a required reference: 422 `rule-violated`, `rule: evidence-required`, naming the missing
             *     kinds and clause 000-十二; nothing is recorded.
             */
            evidence?: components["schemas"]["EvidenceRef"][];
            /** @description pension only: an optional claim of the person's hukou region; the ledger's hukou region is used (collection region, 国办发〔2009〕66号 Art. 6), and a claim must be that region or an area containing it */
            hukouRegion?: components["schemas"]["RegionCode"];
            /** @description months already contributed in the inbound (calling) region for this insurance, strictly ascending, none in the future */
            inboundMonths?: components["schemas"]["YearMonth"][];
            insuranceType: components["schemas"]["InsuranceType"];
            outboundRegion: components["schemas"]["RegionCode"];
        };
        ResidenceHistory: {
            asOf: components["schemas"]["IsoDate"];
            cities: components["schemas"]["CityResidence"][];
            groups: components["schemas"]["GroupRecognition"][];
            intervals: components["schemas"]["ResidenceInterval"][];
            subjectRef: components["schemas"]["SubjectRef"];
            /** @description item-by-item explanation */
            why: string[];
        };
        ResidenceInterval: {
            city: components["schemas"]["RegionCode"];
            countedFrom: components["schemas"]["IsoDate"];
            /** @description exclusive end of the counted interval */
            countedTo: components["schemas"]["IsoDate"];
            /** @enum {string} */
            endedBy: "as-of" | "cancelled" | "suspended" | "lapsed" | "expired";
            issuedOn: components["schemas"]["IsoDate"];
            /** @description completed months counted */
            months: number;
            /** Format: uuid */
            permitId: string;
            residenceSince: components["schemas"]["IsoDate"];
            /** @enum {string} */
            status: "active" | "suspended" | "cancelled";
            validUntil: components["schemas"]["IsoDate"];
        };
        /** @description a clause of a policy seed, `<seed>-<numeral>` (e.g. `000-八` is item （八） of 国发〔2026〕11号) */
        SeedClause: string;
        /** @description One of the 5xx problems, by `code`. */
        ServerFailureProblem: components["schemas"]["ProblemInternal"] | components["schemas"]["ProblemEventSchemaViolation"] | components["schemas"]["ProblemUnavailable"];
        /**
         * @description code of a service in the national basic public service catalogue (libs/catalogue)
         * @example edu.compulsory
         */
        ServiceCode: string;
        ServiceExplanation: {
            /** @enum {string} */
            basis: "hukou" | "residence" | "residence-permit" | "insured";
            /** @description the residence city's conditions for the service (一城一策), each checked today */
            conditions: components["schemas"]["ConditionCheck"][];
            explanation: string;
            /** @description the region holding it now (null only for a service added to the catalogue since the person was registered) */
            holder: components["schemas"]["RegionCode"] | null;
            /** @description where the facts put the service today */
            region: components["schemas"]["RegionCode"];
            /** @description the day the last unmet years condition is met, when time alone is missing */
            reviewOn: components["schemas"]["IsoDate"] | null;
            /** @enum {string} */
            rule: "hukou-basis" | "no-residence" | "residence-conditions-met" | "residence-conditions-unmet" | "insured-branch" | "insured-branch-unknown";
            serviceCode: components["schemas"]["ServiceCode"];
        };
        /** @description conflict or already-claimed, by `code`. */
        SettlementConflictProblem: components["schemas"]["ProblemConflict"] | components["schemas"]["ProblemAlreadyClaimed"];
        SocialInsuranceTransfer: {
            appliedOn: components["schemas"]["IsoDate"];
            awaitingRegion: components["schemas"]["RegionCode"] | null;
            cancellation: {
                reason: string;
            } | null;
            certificate: components["schemas"]["TransferCertificate"] | null;
            collectionRegion: components["schemas"]["CollectionRegionDecision"] | null;
            /** @description day the contact letter was issued; null while the pension application awaits the inbound review */
            contactLetterOn: components["schemas"]["IsoDate"] | null;
            /** Format: date-time */
            createdAt: string;
            deadline: components["schemas"]["TransferDeadline"] | null;
            duplicateMonthsKept: components["schemas"]["TransferSide"];
            duplicates: components["schemas"]["DuplicateMonthsDecision"] | null;
            funds: components["schemas"]["TransferFunds"] | null;
            /** @description the step history (GET of one transfer only) */
            history?: components["schemas"]["TransferStepRecord"][];
            /** @description pension: the person's hukou region in the responsibility ledger (at the application, refreshed at the contact letter and the certificate); null for medical */
            hukouRegion: components["schemas"]["RegionCode"] | null;
            inboundMonths: components["schemas"]["YearMonth"][];
            inboundRegion: components["schemas"]["RegionCode"];
            insuranceType: components["schemas"]["InsuranceType"];
            outboundRegion: components["schemas"]["RegionCode"];
            overdueSince: components["schemas"]["IsoDate"] | null;
            receipt: {
                amountFen: number;
                receivedOn: components["schemas"]["IsoDate"];
            } | null;
            refusal: {
                reason: string;
                region: components["schemas"]["RegionCode"];
                step: components["schemas"]["TransferStep"];
            } | null;
            remittance: {
                amountFen: number;
                reference: string;
                remittedOn: components["schemas"]["IsoDate"];
            } | null;
            state: components["schemas"]["TransferState"];
            step: components["schemas"]["TransferStep"] | null;
            subjectRef: components["schemas"]["SubjectRef"];
            /** Format: uuid */
            transferId: string;
            /** Format: date-time */
            updatedAt: string;
        };
        SocialInsuranceTransferPage: {
            items: components["schemas"]["SocialInsuranceTransfer"][];
            /** @description pass as `after` for the next page */
            next: string | null;
        };
        /** @description conflict or invalid-transition, by `code`. */
        StateConflictProblem: components["schemas"]["ProblemConflict"] | components["schemas"]["ProblemInvalidTransition"];
        /** @description Pseudonymous reference of a person (keyed HMAC of the citizen ID number, key version embedded) */
        SubjectRef: string;
        SubjectResponsibilities: {
            /** @description the next day on which years of residence or insurance alone move a service; the daily job proposes it that day */
            conditionsReviewOn: components["schemas"]["IsoDate"] | null;
            /** @description the region responsible now for each service held by intervals, and since when */
            holders: components["schemas"]["Holder"][];
            hukouRegion: components["schemas"]["RegionCode"];
            /** @description the insured region of each insurance branch known to the ledger (a branch not listed is held by the hukou region) */
            insuredRegions: components["schemas"]["InsuredRelation"][];
            /** @description provisional or disputed fact changes (hukou moves, insured-region changes) */
            pendingFactChanges: components["schemas"]["FactChange"][];
            pendingHandoffs: components["schemas"]["Handoff"][];
            /** @description city of the active residence permit */
            residenceCity: string | null;
            /** @description why each service held by intervals is where it is — its basis, the rule applied today, each condition of the residence city with the day it is met — next to its holder now (a difference is a pending or resting handoff) */
            services: components["schemas"]["ServiceExplanation"][];
            subjectRef: components["schemas"]["SubjectRef"];
            /** @description holders agreed by an accepted handoff, from a later instant */
            upcoming: components["schemas"]["Holder"][];
        };
        TransferCancellationRequest: {
            reason: string;
        };
        TransferCertificate: {
            accountBalanceFen: number;
            contributionYears?: number;
            months: components["schemas"]["ContributionMonth"][];
            priorPeriods?: components["schemas"]["InsuredPeriod"][];
            receivedOn: components["schemas"]["IsoDate"];
        };
        TransferCertificateRequest: {
            /** @description individual account balance in integer fen */
            accountBalanceFen: number;
            /** @description medical: accumulated contribution years (累计缴费年限); required for medical */
            contributionYears?: number;
            /**
             * @description references to the evidence the catalogue in force requires for the certificate (`GET /v1/catalogue`,
             *     `transferEvidence`, step `certificate`; 统一证明材料要求): for a pension transfer the 参保缴费凭证
             *     the outbound region issues (`contribution-certificate`, 国办发〔2009〕66号 第三条); none for medical
             *     insurance. Without a required reference: 422 `rule-violated`, `rule: evidence-required`, naming
             *     the missing kinds and clause 000-十二; nothing is recorded.
             */
            evidence?: components["schemas"]["EvidenceRef"][];
            /** @description contribution months in the outbound region with their bases, strictly ascending, none in the future */
            months: components["schemas"]["ContributionMonth"][];
            /** @description pension: earlier insured places already consolidated into the outbound record, chronological (for the collection region) */
            priorPeriods?: components["schemas"]["InsuredPeriod"][];
        };
        TransferContactLetterRequest: {
            /** @description revises which side keeps months contributed in both regions, as agreed with the person */
            duplicateMonthsKept?: components["schemas"]["TransferSide"];
        };
        TransferDeadline: {
            /** @description last day allowed, counted in working days of the official holiday schedule */
            dueOn: components["schemas"]["IsoDate"];
            /**
             * @description the region whose clock runs
             * @enum {string}
             */
            party: "outbound" | "inbound";
            /** @description true while the official holiday schedule does not reach dueOn yet: it is then counted on the statutory holidays of the national holiday regulation (全国年节及纪念日放假办法, as amended 2024), without the make-up working days the yearly State Council notice adds, and counted again (it may move by a few days) once a newer schedule covers it */
            provisional: boolean;
            startedOn: components["schemas"]["IsoDate"];
            workingDays: number;
        };
        TransferFunds: {
            /** @description the individual account balance as certified */
            accountBalanceFen: number;
            /** @description medical: as certified */
            contributionYears?: number;
            /** @description medical: certified years in months, less the refunded duplicate months */
            creditedContributionMonths?: number;
            excludedMonths: {
                baseFen: number;
                month: components["schemas"]["YearMonth"];
                /** @enum {string} */
                reason: "before-pooled-start" | "refunded-duplicate";
            }[];
            policyVersion: number;
            /** @description pension pooled part (统筹基金); 0 for medical */
            pooledFen: number;
            pooledRatePermille?: number;
            pooledStartYear?: number;
            /** @description pension: individual-account share of the cleared duplicate months, refunded to the person by the outbound region (not moved) */
            refundedShareFen?: number;
            rounding?: string;
            /** @description total to remit, integer fen: accountBalanceFen − refundedShareFen + pooledFen */
            transferFen: number;
            years: {
                baseTotalFen: number;
                months: number;
                pooledFen: number;
                year: number;
            }[];
        };
        TransferReceiptRequest: {
            /** @description must equal the remitted amount */
            amountFen: number;
            /** @description day the funds arrived; from the remittance's remittedOn to today (Asia/Shanghai) */
            receivedOn: components["schemas"]["IsoDate"];
        };
        TransferRefusalRequest: {
            reason: string;
        };
        TransferRemittanceRequest: {
            /** @description must equal the computed transferFen */
            amountFen: number;
            /** @description the payment reference of the remittance */
            reference: string;
            /** @description day the funds were sent; from the day the certificate was recorded to today (Asia/Shanghai) */
            remittedOn: components["schemas"]["IsoDate"];
        };
        /** @enum {string} */
        TransferSide: "inbound" | "outbound";
        /**
         * @description applied (pension — awaiting the inbound review and contact letter) → requested (contact letter issued, awaiting the certificate) → certified (funds computed, awaiting remittance) → remitted (awaiting receipt) → completed; or refused / cancelled
         * @enum {string}
         */
        TransferState: "applied" | "requested" | "certified" | "remitted" | "completed" | "refused" | "cancelled";
        /**
         * @description the step the transfer awaits (contact letter and receipt from the inbound region, certificate and remittance from the outbound region)
         * @enum {string}
         */
        TransferStep: "contact-letter" | "certificate" | "remittance" | "receipt";
        TransferStepRecord: {
            /** @description the acting credential (or clock) */
            actor: string;
            /** @description what the step carried (amounts, deadline, reason) */
            detail?: {
                [key: string]: unknown;
            };
            /** @description the evidence the step's request referenced (empty for steps that carry none) */
            evidence: components["schemas"]["EvidenceRef"][];
            fromState: components["schemas"]["TransferState"] | null;
            /** Format: date-time */
            occurredAt: string;
            region: components["schemas"]["RegionCode"] | null;
            /** @enum {string} */
            step: "request" | "contact-letter" | "certificate" | "remittance" | "receipt" | "refusal" | "cancellation" | "reminder" | "overdue" | "deadline";
            toState: components["schemas"]["TransferState"];
        };
        /** @description One of the 422 problems, by `code`. */
        UnprocessableProblem: components["schemas"]["ProblemValidationFailed"] | components["schemas"]["ProblemIdempotencyKeyReused"] | components["schemas"]["ProblemInvalidRegionCode"] | components["schemas"]["ProblemInvalidCitizenId"] | components["schemas"]["ProblemPolicyRejected"] | components["schemas"]["ProblemRuleViolated"];
        /**
         * @description a calendar month (YYYY-MM) from 1900-01 to 2199-12, the months of the IsoDate bounds
         * @example 2025-09
         */
        YearMonth: string;
    };
    responses: {
        /** @description another region holds the service (not-responsible) or the period is already claimed (already-claimed) */
        ClaimRefused: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ClaimRefusalProblem"];
            };
        };
        /** @description conflicts with what is recorded (problem code conflict) */
        Conflict: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemConflict"];
            };
        };
        /** @description conflicts with what is recorded (conflict) or not possible in the current state (invalid-transition) */
        ConflictOrInvalidTransition: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["StateConflictProblem"];
            };
        };
        /** @description not allowed for the calling region or agency (problem code forbidden) */
        Forbidden: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemForbidden"];
            };
        };
        /** @description not possible in the current state (problem code invalid-transition) */
        InvalidTransition: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemInvalidTransition"];
            };
        };
        /** @description the request cannot be read (problem code malformed-request) */
        MalformedRequest: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemMalformedRequest"];
            };
        };
        /** @description no such resource for the caller (problem code not-found) */
        NotFound: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemNotFound"];
            };
        };
        /** @description another region holds the service (problem code not-responsible, naming it) */
        NotResponsible: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemNotResponsible"];
            };
        };
        /** @description the body is too large (problem code payload-too-large) */
        PayloadTooLarge: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemPayloadTooLarge"];
            };
        };
        /** @description the permit after the change */
        Permit: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Permit"];
            };
        };
        /** @description too many requests (problem code rate-limited) */
        RateLimited: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemRateLimited"];
            };
        };
        /** @description the gateway failed (internal, event-schema-violation) or a dependency is not reachable now (unavailable) */
        ServerProblem: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ServerFailureProblem"];
            };
        };
        /** @description the settlement id is recorded with other values (conflict) or its bill is already claimed (already-claimed) */
        SettlementConflict: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["SettlementConflictProblem"];
            };
        };
        /** @description the transfer after the step */
        SocialInsuranceTransfer: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["SocialInsuranceTransfer"];
            };
        };
        /** @description no valid credential (problem code unauthenticated) */
        Unauthenticated: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemUnauthenticated"];
            };
        };
        /** @description a dependency is not reachable now (problem code unavailable) */
        Unavailable: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemUnavailable"];
            };
        };
        /** @description the request is refused by the contract, a reference check or a rule (one of the 422 problem codes) */
        Unprocessable: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["UnprocessableProblem"];
            };
        };
        /** @description the body's media type is not accepted (problem code unsupported-media-type) */
        UnsupportedMediaType: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemUnsupportedMediaType"];
            };
        };
    };
    parameters: {
        ChangeIdPath: string;
        /** @description clearing month (YYYY-MM, China time, 1900-01 to 2199-12) */
        ClearingMonth: string;
        HandoffCaseIdPath: string;
        HandoffIdPath: string;
        /**
         * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
         *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
         *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
         *     stored, so the key stays free: a request refused before it ran (authentication, access, the
         *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
         *     24 hours.
         */
        IdempotencyKey: string;
        /** @description the item's id (a settlement is `<treatmentRegion>:<settlementId>`, a reconciliation finding `<reconciliationId>:<itemNo>`) */
        OperatorItemId: string;
        OperatorItemKind: components["schemas"]["OperatorItemKind"];
        /** @description true — only items past their deadline; false — only the others */
        OpsOverdue: boolean;
        /**
         * @description the item's id, its pseudonymous subjectRef, or an id the item refers to (a settlement's filing
         *     id, a finding's reconciliation id, a dead letter's event id); never a citizen ID number (422)
         */
        OpsQuery: string;
        /** @description items one of whose regions lies in this region (a province code takes its cities and districts, a city code its districts) */
        OpsRegion: components["schemas"]["RegionCode"];
        /** @description items of this catalogue service (handoffs, gaps, findings; transfers as the insurance's service; settlements and clearing as med.cross-region-settlement) */
        OpsService: components["schemas"]["ServiceCode"];
        /** @description items in this status (the `status` the queue shows, e.g. `requested/outbound`, `proposed`, `disputed`) */
        OpsStatus: string;
        PermitId: string;
        ReconciliationIdPath: string;
        StatementId: string;
        /** @description pseudonymous subject reference (never a citizen ID number) */
        SubjectRefPath: components["schemas"]["SubjectRef"];
        TransferId: string;
        /**
         * @description Caller's correlation id, echoed back and written to every log line, write and event of the
         *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
         *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
         */
        XRequestId: string;
    };
    requestBodies: never;
    headers: {
        /** @description Seconds to wait before the next request */
        RetryAfter: number;
        /** @description The request id (the caller's X-Request-Id when well formed, else generated) */
        XRequestId: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description alive */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            422: components["responses"]["Unprocessable"];
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description ready */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            422: components["responses"]["Unprocessable"];
            /** @description a dependency is unreachable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description metrics in the Prometheus text format */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            422: components["responses"]["Unprocessable"];
        };
    };
    getCatalogue: {
        parameters: {
            query?: {
                /** @description the day whose versions are wanted (default today): from 12 months back (the claim window) to a year ahead */
                on?: components["schemas"]["IsoDate"];
            };
            header?: {
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description the catalogue in force */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Catalogue"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    openEntitlement: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EntitlementRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description open from `sincePeriod` (or an earlier period already) */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Entitlement"];
                };
            };
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["NotResponsible"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    getFactChange: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                changeId: components["parameters"]["ChangeIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description the fact change */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FactChange"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    consentToFactChange: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                changeId: components["parameters"]["ChangeIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description definitive */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FactChange"];
                };
            };
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["InvalidTransition"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    decideFactChange: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                changeId: components["parameters"]["ChangeIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FactChangeDecisionRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description decided */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FactChange"];
                };
            };
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["InvalidTransition"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    objectToFactChange: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                changeId: components["parameters"]["ChangeIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ObjectionRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description disputed */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FactChange"];
                };
            };
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["InvalidTransition"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    getHandoffCase: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                caseId: components["parameters"]["HandoffCaseIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description the case */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandoffCase"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    acceptHandoffCase: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                caseId: components["parameters"]["HandoffCaseIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptHandoffCaseRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description accepted; the case as it is now */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandoffCase"];
                };
            };
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["InvalidTransition"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    objectToHandoffCase: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                caseId: components["parameters"]["HandoffCaseIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HandoffCaseReasonRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description disputed; the case as it is now */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandoffCase"];
                };
            };
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["InvalidTransition"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    rejectHandoffCase: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                caseId: components["parameters"]["HandoffCaseIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HandoffCaseReasonRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description rejected; the case as it is now */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandoffCase"];
                };
            };
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["InvalidTransition"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    getHandoff: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                handoffId: components["parameters"]["HandoffIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description the handoff */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Handoff"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    acceptHandoff: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                handoffId: components["parameters"]["HandoffIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptHandoffRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description accepted */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Handoff"];
                };
            };
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["InvalidTransition"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    decideHandoff: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                handoffId: components["parameters"]["HandoffIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HandoffDecisionRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description decided */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Handoff"];
                };
            };
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["InvalidTransition"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    objectToHandoff: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                handoffId: components["parameters"]["HandoffIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HandoffReasonRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description disputed */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Handoff"];
                };
            };
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["InvalidTransition"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    rejectHandoff: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                handoffId: components["parameters"]["HandoffIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HandoffReasonRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description rejected */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Handoff"];
                };
            };
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["InvalidTransition"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    reportHukouMove: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HukouMoveRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description provisional fact change (or the same open one) */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FactChange"];
                };
            };
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["ConflictOrInvalidTransition"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    reportInsuredRegionChange: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InsuredRegionChangeRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description provisional fact change (or the same open one; definitive at once when nothing moves) */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FactChange"];
                };
            };
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["ConflictOrInvalidTransition"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    getMedicalClearing: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                /** @description clearing month (YYYY-MM, China time, 1900-01 to 2199-12) */
                month: components["parameters"]["ClearingMonth"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description the month's statements with their lines */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MedicalClearing"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    confirmMedicalStatement: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                /** @description clearing month (YYYY-MM, China time, 1900-01 to 2199-12) */
                month: components["parameters"]["ClearingMonth"];
                statementId: components["parameters"]["StatementId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description the statement after the confirmation */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClearingStatement"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    disputeMedicalStatementLines: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                /** @description clearing month (YYYY-MM, China time, 1900-01 to 2199-12) */
                month: components["parameters"]["ClearingMonth"];
                statementId: components["parameters"]["StatementId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DisputeLinesRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description the statement after the dispute */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClearingStatement"];
                };
            };
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["ConflictOrInvalidTransition"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    registerMedicalFiling: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterFilingRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description registered */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MedicalFiling"];
                };
            };
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    getMedicalFiling: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                filingId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description the filing */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MedicalFiling"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    cancelMedicalFiling: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                filingId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CancelFilingRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description cancelled */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MedicalFiling"];
                };
            };
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["InvalidTransition"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    recordMedicalSettlement: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordSettlementRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description recorded before with the same content; the original */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MedicalSettlement"];
                };
            };
            /** @description recorded */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MedicalSettlement"];
                };
            };
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["SettlementConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    verifyAuditChain: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description the verification report (ok is false when a link is broken) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditChainReport"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    listCatalogueVersions: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description the versions, oldest first */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogueVersions"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    publishCatalogueVersion: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishVersionRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description stored; in force from `effectiveFrom` */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogueVersion"];
                };
            };
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    publishCityPolicyVersion: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishVersionRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description stored; in force from `effectiveFrom` */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogueVersion"];
                };
            };
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    listDeadLetters: {
        parameters: {
            query?: {
                /** @description id of the last item of the previous page */
                after?: string;
                consumer?: string;
                limit?: number;
                state?: "open" | "replayed" | "all";
            };
            header?: {
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description a page of dead letters */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadLetterPage"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    replayDeadLetter: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                deadLetterId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description replayed */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadLetter"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["InvalidTransition"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    replayAllDeadLetters: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ReplayAllRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description replayed */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayAllResult"];
                };
            };
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["InvalidTransition"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    getOperatorItem: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                /** @description the item's id (a settlement is `<treatmentRegion>:<settlementId>`, a reconciliation finding `<reconciliationId>:<itemNo>`) */
                itemId: components["parameters"]["OperatorItemId"];
                kind: components["parameters"]["OperatorItemKind"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description the item */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorItem"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    decideOperatorItem: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                /** @description the item's id (a settlement is `<treatmentRegion>:<settlementId>`, a reconciliation finding `<reconciliationId>:<itemNo>`) */
                itemId: components["parameters"]["OperatorItemId"];
                kind: components["parameters"]["OperatorItemKind"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OperatorDecisionRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description the decision */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorDecision"];
                };
            };
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["InvalidTransition"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    getKafkaHealth: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description the report */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KafkaHealth"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    listLedgerGaps: {
        parameters: {
            query?: {
                /** @description `next` of the previous page */
                after?: string;
                limit?: number;
            };
            header?: {
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description a page of gaps */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GapPage"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    listHandoffsForOperators: {
        parameters: {
            query?: {
                /** @description `next` of the previous page */
                after?: string;
                limit?: number;
            };
            header?: {
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description a page of handoffs */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandoffPage"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    listOperatorQueues: {
        parameters: {
            query?: {
                /** @description true — only items past their deadline; false — only the others */
                overdue?: components["parameters"]["OpsOverdue"];
                /**
                 * @description the item's id, its pseudonymous subjectRef, or an id the item refers to (a settlement's filing
                 *     id, a finding's reconciliation id, a dead letter's event id); never a citizen ID number (422)
                 */
                q?: components["parameters"]["OpsQuery"];
                /** @description items one of whose regions lies in this region (a province code takes its cities and districts, a city code its districts) */
                region?: components["parameters"]["OpsRegion"];
                /** @description items of this catalogue service (handoffs, gaps, findings; transfers as the insurance's service; settlements and clearing as med.cross-region-settlement) */
                service?: components["parameters"]["OpsService"];
                /** @description items in this status (the `status` the queue shows, e.g. `requested/outbound`, `proposed`, `disputed`) */
                status?: components["parameters"]["OpsStatus"];
            };
            header?: {
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description the queues */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorQueueList"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    listOperatorQueueItems: {
        parameters: {
            query?: {
                limit?: number;
                /** @description `next` of the previous page */
                offset?: number;
                /** @description true — only items past their deadline; false — only the others */
                overdue?: components["parameters"]["OpsOverdue"];
                /**
                 * @description the item's id, its pseudonymous subjectRef, or an id the item refers to (a settlement's filing
                 *     id, a finding's reconciliation id, a dead letter's event id); never a citizen ID number (422)
                 */
                q?: components["parameters"]["OpsQuery"];
                /** @description items one of whose regions lies in this region (a province code takes its cities and districts, a city code its districts) */
                region?: components["parameters"]["OpsRegion"];
                /** @description items of this catalogue service (handoffs, gaps, findings; transfers as the insurance's service; settlements and clearing as med.cross-region-settlement) */
                service?: components["parameters"]["OpsService"];
                /** @description items in this status (the `status` the queue shows, e.g. `requested/outbound`, `proposed`, `disputed`) */
                status?: components["parameters"]["OpsStatus"];
            };
            header?: {
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                queueId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description a page of the queue */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorQueuePage"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    searchOperatorItems: {
        parameters: {
            query: {
                /** @description an item id (a settlement is `<treatmentRegion>:<settlementId>`); never a citizen ID number */
                q: string;
            };
            header?: {
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description the items found (none is an empty list) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorSearchResult"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    allotByPoints: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PointsAllotmentRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description recorded; `handoffId` names the handoff it caused, if any */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PointsAllotment"];
                };
            };
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    convertPoints: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PointsConversionRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description both scores with the item-by-item explanation */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PointsConversion"];
                };
            };
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    claimProvision: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProvisionClaimRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description claimed */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProvisionClaim"];
                };
            };
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["ClaimRefused"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    uploadReconciliation: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-ndjson": string;
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description accepted; the resource holds the result */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reconciliation"];
                };
            };
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    getReconciliation: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                reconciliationId: components["parameters"]["ReconciliationIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description the reconciliation */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reconciliation"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    listReconciliationItems: {
        parameters: {
            query?: {
                /** @description `next` of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                reconciliationId: components["parameters"]["ReconciliationIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description a page of findings */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReconciliationItemPage"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    issueResidencePermit: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IssuePermitRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description registered */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Permit"];
                };
            };
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    getResidencePermit: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                permitId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description the permit */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Permit"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    cancelResidencePermit: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                permitId: components["parameters"]["PermitId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelPermitRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            200: components["responses"]["Permit"];
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["InvalidTransition"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    endorseResidencePermit: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                permitId: components["parameters"]["PermitId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EndorsePermitRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            200: components["responses"]["Permit"];
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["ConflictOrInvalidTransition"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    renewResidencePermit: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                permitId: components["parameters"]["PermitId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RenewPermitRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            200: components["responses"]["Permit"];
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["InvalidTransition"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    listSocialInsuranceTransfers: {
        parameters: {
            query?: {
                /** @description the `next` cursor of the previous page */
                after?: string;
                /** @description true — only transfers whose current step is the region's to take */
                awaiting?: boolean;
                insuranceType?: components["schemas"]["InsuranceType"];
                limit?: number;
                /** @description true — only transfers past their statutory deadline (raised by the clock job); false — only the others */
                overdue?: boolean;
                /** @description operators only — transfers this region is party to */
                region?: components["schemas"]["RegionCode"];
                /** @description the role of the region in the transfer (the caller's region, or `region` for operators) */
                role?: "inbound" | "outbound";
                state?: components["schemas"]["TransferState"];
                step?: components["schemas"]["TransferStep"];
            };
            header?: {
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description a page of transfers, oldest first */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SocialInsuranceTransferPage"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    requestSocialInsuranceTransfer: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestTransferRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description application recorded (pension, awaiting the inbound review) or contact letter issued (medical) */
            202: {
                headers: {
                    /** @description the transfer resource */
                    Location?: string;
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SocialInsuranceTransfer"];
                };
            };
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    getSocialInsuranceTransfer: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                transferId: components["parameters"]["TransferId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description the transfer */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SocialInsuranceTransfer"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    cancelSocialInsuranceTransfer: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                transferId: components["parameters"]["TransferId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferCancellationRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            200: components["responses"]["SocialInsuranceTransfer"];
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["InvalidTransition"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    submitTransferCertificate: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                transferId: components["parameters"]["TransferId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferCertificateRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            200: components["responses"]["SocialInsuranceTransfer"];
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["InvalidTransition"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    issueTransferContactLetter: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                transferId: components["parameters"]["TransferId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferContactLetterRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            200: components["responses"]["SocialInsuranceTransfer"];
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["InvalidTransition"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    confirmTransferReceipt: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                transferId: components["parameters"]["TransferId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferReceiptRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            200: components["responses"]["SocialInsuranceTransfer"];
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["InvalidTransition"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    refuseSocialInsuranceTransfer: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                transferId: components["parameters"]["TransferId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferRefusalRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            200: components["responses"]["SocialInsuranceTransfer"];
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["InvalidTransition"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    confirmTransferRemittance: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                transferId: components["parameters"]["TransferId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferRemittanceRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            200: components["responses"]["SocialInsuranceTransfer"];
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["InvalidTransition"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    registerSubject: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Binds the key (per credential) to its first request, whatever the answer: the same key and body
                 *     replay the stored answer byte for byte — a success or a refusal (4xx) alike, with
                 *     `Idempotent-Replayed: true` —, a different body is refused (422 `idempotency-key-reused`). Not
                 *     stored, so the key stays free: a request refused before it ran (authentication, access, the
                 *     contract, rate limit) and a 5xx (its transaction rolled back, nothing took effect). Kept at least
                 *     24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterSubjectRequest"];
            };
        };
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description registered (or already registered) */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubjectResponsibilities"];
                };
            };
            400: components["responses"]["MalformedRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    getResidenceHistory: {
        parameters: {
            query?: {
                /** @description the day to measure on (default today, Asia/Shanghai); from a hundred years before today to ten years after it */
                asOf?: components["schemas"]["IsoDate"];
            };
            header?: {
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                subjectRef: components["schemas"]["SubjectRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description the residence history */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResidenceHistory"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    getSubjectResponsibilities: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Caller's correlation id, echoed back and written to every log line, write and event of the
                 *     request: a UUID or an opaque token of at most 64 characters of `[A-Za-z0-9._:-]`. Any other
                 *     value — and any value containing a citizen ID number — is replaced by a generated UUID.
                 */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                /** @description pseudonymous subject reference (never a citizen ID number) */
                subjectRef: components["parameters"]["SubjectRefPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerProblem"];
            /** @description the person's responsibilities */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubjectResponsibilities"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
}
