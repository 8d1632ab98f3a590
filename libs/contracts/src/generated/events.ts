// Generated from contracts/ by tools/contracts-generate.mjs (openapi-typescript). Do not edit.
export type paths = Record<string, never>;
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * Fact change objection deadline recomputed
         * @description The provisional objection deadline of a fact change still in its window was counted again on the calendar as it is now, because a newer official holiday schedule arrived: the date moved, or stands and became official (objectionDeadlineProvisional false). Provisional deadlines are those past the official schedule, counted on the statutory public holidays of 全国年节及纪念日放假办法 (as amended 2024) without make-up working days. Written in the transaction of the recompute. Addressed to the releasing region only, as fact-change-stated. The change becomes definitive after the new date if no objection is made.
         */
        LedgerFactChangeDeadlineChangedV1: {
            /**
             * @description the insurance branch of an insured-region change; null for a hukou move
             * @enum {string|null}
             */
            branch: "pension" | "medical" | "unemployment" | "work-injury" | "occupational-injury" | null;
            /** Format: uuid */
            changeId: string;
            /**
             * Format: date
             * @description the day the fact took effect as stated (moved on / insured since)
             */
            effectiveOn: string;
            /** @description the releasing region: the current hukou region, or the current holder of the branch's services */
            fromRegion: string;
            /**
             * @description hukou-move: the hukou region (户籍地) changes; insured-region: the insured region (参保地) of one insurance branch changes
             * @enum {string}
             */
            kind: "hukou-move" | "insured-region";
            /**
             * Format: date
             * @description the last working day to object, counted again; may equal previousObjectionDeadline (the date stands and is now official)
             */
            objectionDeadline: string;
            /** @description false: counted on the official holiday schedule; it does not move again. true: the calendar changed but still does not reach the deadline; it is again counted on the statutory public holidays and another fact-change-deadline-changed event follows when it is recomputed. */
            objectionDeadlineProvisional: boolean;
            /**
             * Format: date
             * @description the objection deadline announced before, which was provisional
             */
            previousObjectionDeadline: string;
            /**
             * Format: date
             * @description day (China time) of the recompute
             */
            recomputedOn: string;
            /**
             * @description only changes in their objection window are recomputed
             * @enum {string}
             */
            status: "provisional";
            subjectRef: string;
            /** @description the stating region, which gains the fact */
            toRegion: string;
        };
        /**
         * Fact change decided (v1)
         * @description The fact change ended: definitive (the releasing region consented, the objection window lapsed, or operators decided a dispute for it) and applied to the ledger, which then proposes the handoffs it causes; rejected by operators; or superseded by a later fact before it could apply. Addressed to both regions when definitive (the stating region is then related); to the releasing region only when rejected or superseded.
         */
        LedgerFactChangeDecidedV1: {
            /**
             * @description the insurance branch of an insured-region change; null for a hukou move
             * @enum {string|null}
             */
            branch: "pension" | "medical" | "unemployment" | "work-injury" | "occupational-injury" | null;
            /** Format: uuid */
            changeId: string;
            /**
             * @description how it ended (uncontested: a first insured region that is the hukou region, nothing moved)
             * @enum {string}
             */
            decision: "consent" | "objection-window" | "operator" | "uncontested" | "superseded";
            /**
             * Format: date
             * @description the day the fact took effect as stated (moved on / insured since)
             */
            effectiveOn: string;
            /** @description the releasing region: the current hukou region, or the current holder of the branch's services */
            fromRegion: string;
            /**
             * @description hukou-move: the hukou region (户籍地) changes; insured-region: the insured region (参保地) of one insurance branch changes
             * @enum {string}
             */
            kind: "hukou-move" | "insured-region";
            /** @description an operator's note on a decided dispute (never personal data) */
            note: string | null;
            /**
             * Format: date
             * @description last working day (China's official calendar) on which the releasing region may object; definitive after it
             */
            objectionDeadline: string;
            /** @enum {string} */
            status: "provisional" | "disputed" | "definitive" | "rejected" | "superseded";
            subjectRef: string;
            /** @description the stating region, which gains the fact */
            toRegion: string;
        };
        /**
         * Fact change objected (v1)
         * @description The releasing region objected within the window (as EESSI's A004): a dispute for operators; nothing moves. Addressed to the releasing region only: the stating region learns the dispute from the fact change's status, not who objected.
         */
        LedgerFactChangeObjectedV1: {
            /**
             * @description the insurance branch of an insured-region change; null for a hukou move
             * @enum {string|null}
             */
            branch: "pension" | "medical" | "unemployment" | "work-injury" | "occupational-injury" | null;
            /** Format: uuid */
            changeId: string;
            /**
             * Format: date
             * @description the day the fact took effect as stated (moved on / insured since)
             */
            effectiveOn: string;
            /** @description the releasing region: the current hukou region, or the current holder of the branch's services */
            fromRegion: string;
            /**
             * @description hukou-move: the hukou region (户籍地) changes; insured-region: the insured region (参保地) of one insurance branch changes
             * @enum {string}
             */
            kind: "hukou-move" | "insured-region";
            /**
             * Format: date
             * @description last working day (China's official calendar) on which the releasing region may object; definitive after it
             */
            objectionDeadline: string;
            /** @description the releasing region's reason (never personal data) */
            objectionReason: string;
            /** @enum {string} */
            status: "provisional" | "disputed" | "definitive" | "rejected" | "superseded";
            subjectRef: string;
            /** @description the stating region, which gains the fact */
            toRegion: string;
        };
        /**
         * Fact change stated (v1)
         * @description A region stated a fact that moves responsibility (a hukou move by the new hukou region's public security, an insured-region change by the new region's agency of that branch). Provisional: nothing moves until the releasing region consents or lets the objection window pass (as EESSI's provisional determination A003). Addressed to the releasing region only: the stating region holds an ID number, which proves no relationship to the person, and is not told who releases until the change is definitive.
         */
        LedgerFactChangeStatedV1: {
            /**
             * @description the insurance branch of an insured-region change; null for a hukou move
             * @enum {string|null}
             */
            branch: "pension" | "medical" | "unemployment" | "work-injury" | "occupational-injury" | null;
            /** Format: uuid */
            changeId: string;
            /**
             * Format: date
             * @description the day the fact took effect as stated (moved on / insured since)
             */
            effectiveOn: string;
            /** @description the releasing region: the current hukou region, or the current holder of the branch's services */
            fromRegion: string;
            /**
             * @description hukou-move: the hukou region (户籍地) changes; insured-region: the insured region (参保地) of one insurance branch changes
             * @enum {string}
             */
            kind: "hukou-move" | "insured-region";
            /**
             * Format: date
             * @description last working day (China's official calendar) on which the releasing region may object; definitive after it
             */
            objectionDeadline: string;
            /** @enum {string} */
            status: "provisional" | "disputed" | "definitive" | "rejected" | "superseded";
            subjectRef: string;
            /** @description the stating region, which gains the fact */
            toRegion: string;
        };
        /**
         * Fact change stated (v2)
         * @description A region stated a fact that moves responsibility (a hukou move by the new hukou region's public security, an insured-region change by the new region's agency of that branch). Provisional: nothing moves until the releasing region consents or lets the objection window pass (as EESSI's provisional determination A003). Addressed to the releasing region only: the stating region holds an ID number, which proves no relationship to the person, and is not told who releases until the change is definitive. v2 of fact-change-stated.v1: adds objectionDeadlineProvisional.
         */
        LedgerFactChangeStatedV2: {
            /**
             * @description the insurance branch of an insured-region change; null for a hukou move
             * @enum {string|null}
             */
            branch: "pension" | "medical" | "unemployment" | "work-injury" | "occupational-injury" | null;
            /** Format: uuid */
            changeId: string;
            /**
             * Format: date
             * @description the day the fact took effect as stated (moved on / insured since)
             */
            effectiveOn: string;
            /** @description the releasing region: the current hukou region, or the current holder of the branch's services */
            fromRegion: string;
            /**
             * @description hukou-move: the hukou region (户籍地) changes; insured-region: the insured region (参保地) of one insurance branch changes
             * @enum {string}
             */
            kind: "hukou-move" | "insured-region";
            /**
             * Format: date
             * @description last working day on which the releasing region may object (the calendar of Tongban: the official holiday schedule, or past it the statutory holidays — see objectionDeadlineProvisional); definitive after it
             */
            objectionDeadline: string;
            /** @description true when objectionDeadline lies past the official holiday schedule (the State Council's yearly notice on the holiday arrangement, as compiled in the dataset Tongban runs on): it is then counted on the statutory public holidays of 全国年节及纪念日放假办法 (as amended 2024), without make-up working days, and may move by a few days when the schedule for its year is published. If it moves, or becomes official, cn.gov.tongban.ledger.fact-change-deadline-changed.v1 follows with the new date. false: counted on the official schedule; it does not move. */
            objectionDeadlineProvisional: boolean;
            /** @enum {string} */
            status: "provisional" | "disputed" | "definitive" | "rejected" | "superseded";
            subjectRef: string;
            /** @description the stating region, which gains the fact */
            toRegion: string;
        };
        /**
         * Gap detected (v1)
         * @description A periodic entitlement's period ended (plus the grace period) with no provision claim. Addressed to the responsible region (and the hukou region when different); also in the operators' queue.
         */
        LedgerGapDetectedV1: {
            /** Format: uuid */
            gapId: string;
            /**
             * Format: date
             * @description first day after the period
             */
            periodEnd: string;
            periodKey: string;
            region: string;
            serviceCode: string;
            subjectRef: string;
        };
        /**
         * Handoff accepted (v1)
         * @description The receiving region accepted; responsibility passes at effectiveAt (see responsibility-changed). Addressed to both regions.
         */
        LedgerHandoffAcceptedV1: {
            /**
             * Format: date
             * @description last working day to answer (China's official calendar)
             */
            deadline: string;
            /** Format: date-time */
            effectiveAt: string;
            fromRegion: string;
            /** Format: uuid */
            handoffId: string;
            /** @description why the handoff was proposed */
            reason: string;
            serviceCode: string;
            /** @enum {string} */
            status: "proposed" | "disputed" | "accepted" | "rejected" | "withdrawn";
            subjectRef: string;
            toRegion: string;
        };
        /**
         * Handoff case proposed
         * @description One move, one case: a cause (a residence permit, a definitive hukou move or insured-region change, a completed transfer, a catalogue or city-policy version, a residence threshold reached) made the computed region of some of the person's services differ from their holder fromRegion. The case lists every such service; toRegion answers by the deadline, for the whole case or per service (POST /v1/handoff-cases/{caseId}/accept|reject|object, or per handoff). Addressed to both regions. Replaces one handoff-proposed.v2 per service (still written alongside until the ledger's per-service events end, see ARCHITECTURE).
         */
        LedgerHandoffCaseProposedV1: {
            /**
             * Format: uuid
             * @description the case: the handoffs one cause proposed for the person from fromRegion to toRegion
             */
            caseId: string;
            /**
             * Format: date
             * @description the last working day to answer; the services of one case share it
             */
            deadline: string;
            /** @description true when deadline lies past the official holiday schedule: counted on the statutory public holidays without make-up working days, and may move by a few days when the schedule for its year is published; a handoff-case-updated.v1 of step deadline-changed then gives the new date. false: counted on the official schedule; it does not move. */
            deadlineProvisional: boolean;
            /**
             * Format: date
             * @description the last day an accept may take effect
             */
            effectiveBy: string;
            /** @description the releasing region (holds the services until an accept takes effect) */
            fromRegion: string;
            /** Format: date */
            proposedOn: string;
            /** @description the cause */
            reason: string;
            /** @description one handoff per service that moves, in service-code order */
            services: {
                /** Format: uuid */
                handoffId: string;
                /** @description why this service moves (the cause, and the city's conditions met where it sets any) */
                reason: string;
                serviceCode: string;
            }[];
            subjectRef: string;
            /** @description the receiving region (answers) */
            toRegion: string;
        };
        /**
         * Handoff case updated
         * @description One step of a handoff case, for the services it concerns: accepted (responsibility passes at each service's effectiveAt; this is also the responsibility change), rejected (the holder stays responsible), objected (the releasing region disputes; operators decide), withdrawn (the facts no longer call for it), reminder (unanswered, the deadline is near), escalated (unanswered past the deadline; operators decide), deadline-changed (a provisional deadline was counted again on a newer holiday schedule). byOperator marks operators' decisions. open lists the case's services still awaiting an answer after the step: empty, the case is closed. Addressed to both regions. Replaces the per-service handoff-accepted/-rejected/-objected/-withdrawn/-reminder/-escalated/-deadline-changed events and responsibility-changed.v1 (still written alongside until the ledger's per-service events end, see ARCHITECTURE).
         */
        LedgerHandoffCaseUpdatedV1: {
            /** @description the step is operators' decision (on a disputed or escalated case) */
            byOperator: boolean;
            /**
             * Format: uuid
             * @description the case: the handoffs one cause proposed for the person from fromRegion to toRegion
             */
            caseId: string;
            /**
             * Format: date
             * @description the last working day to answer; the services of one case share it
             */
            deadline: string;
            /** @description true when deadline lies past the official holiday schedule: counted on the statutory public holidays without make-up working days, and may move by a few days when the schedule for its year is published; a handoff-case-updated.v1 of step deadline-changed then gives the new date. false: counted on the official schedule; it does not move. */
            deadlineProvisional: boolean;
            /**
             * Format: date-time
             * @description escalated: when
             */
            escalatedAt?: string;
            /** @description the releasing region (holds the services until an accept takes effect) */
            fromRegion: string;
            /** @description services of the case still awaiting an answer after this step */
            open: string[];
            /**
             * Format: date
             * @description deadline-changed: the date it replaces
             */
            previousDeadline?: string;
            /** @description the services this step concerns */
            services: {
                answerReason?: string;
                /**
                 * Format: date-time
                 * @description accepted: the instant responsibility passed (or passes) to toRegion
                 */
                effectiveAt?: string;
                /** Format: uuid */
                handoffId: string;
                serviceCode: string;
                /** @enum {string} */
                status: "proposed" | "disputed" | "accepted" | "rejected" | "withdrawn";
            }[];
            /** @enum {string} */
            step: "accepted" | "rejected" | "objected" | "withdrawn" | "reminder" | "escalated" | "deadline-changed";
            subjectRef: string;
            /** @description the receiving region (answers) */
            toRegion: string;
        };
        /**
         * Handoff deadline recomputed
         * @description The provisional deadline of an unanswered proposal was counted again on the calendar as it is now, because a newer official holiday schedule arrived: the date moved, or stands and became official (deadlineProvisional false). Provisional deadlines are those past the official schedule, counted on the statutory public holidays of 全国年节及纪念日放假办法 (as amended 2024) without make-up working days. Written in the transaction of the recompute. Addressed to both regions. The reminder follows the new date; a reminder or escalation already made stays made.
         */
        LedgerHandoffDeadlineChangedV1: {
            /**
             * Format: date
             * @description the last working day to answer, counted again; may equal previousDeadline (the date stands and is now official)
             */
            deadline: string;
            /** @description false: counted on the official holiday schedule; it does not move again. true: the calendar changed but still does not reach the deadline; it is again counted on the statutory public holidays and another handoff-deadline-changed event follows when it is recomputed. */
            deadlineProvisional: boolean;
            fromRegion: string;
            /** Format: uuid */
            handoffId: string;
            /**
             * Format: date
             * @description the deadline announced before, which was provisional
             */
            previousDeadline: string;
            /**
             * Format: date
             * @description day (China time) of the recompute
             */
            recomputedOn: string;
            serviceCode: string;
            /**
             * @description only unanswered proposals are recomputed
             * @enum {string}
             */
            status: "proposed";
            subjectRef: string;
            toRegion: string;
        };
        /**
         * Handoff escalated (v1)
         * @description The proposal is unanswered past its deadline and is escalated to operators; the holder stays responsible until it is answered. Addressed to both regions.
         */
        LedgerHandoffEscalatedV1: {
            /**
             * Format: date
             * @description last working day to answer (China's official calendar)
             */
            deadline: string;
            /** Format: date-time */
            escalatedAt: string;
            fromRegion: string;
            /** Format: uuid */
            handoffId: string;
            /** @description why the handoff was proposed */
            reason: string;
            serviceCode: string;
            /** @enum {string} */
            status: "proposed" | "disputed" | "accepted" | "rejected" | "withdrawn";
            subjectRef: string;
            toRegion: string;
        };
        /**
         * Handoff escalated (v2)
         * @description The proposal is unanswered past its deadline and is escalated to operators; the holder stays responsible until it is answered. Addressed to both regions. An escalation made on a provisional deadline stays made even if the official schedule later moves the deadline (a handoff-deadline-changed event then says so); operators decide the proposal. v2 of handoff-escalated.v1: adds deadlineProvisional.
         */
        LedgerHandoffEscalatedV2: {
            /**
             * Format: date
             * @description last working day to answer (the calendar of Tongban: the official holiday schedule, or past it the statutory holidays — see deadlineProvisional)
             */
            deadline: string;
            /** @description true when deadline lies past the official holiday schedule (the State Council's yearly notice on the holiday arrangement, as compiled in the dataset Tongban runs on): it is then counted on the statutory public holidays of 全国年节及纪念日放假办法 (as amended 2024), without make-up working days, and may move by a few days when the schedule for its year is published. If it moves, or becomes official, cn.gov.tongban.ledger.handoff-deadline-changed.v1 follows with the new date. false: counted on the official schedule; it does not move. */
            deadlineProvisional: boolean;
            /** Format: date-time */
            escalatedAt: string;
            fromRegion: string;
            /** Format: uuid */
            handoffId: string;
            /** @description why the handoff was proposed */
            reason: string;
            serviceCode: string;
            /** @enum {string} */
            status: "proposed" | "disputed" | "accepted" | "rejected" | "withdrawn";
            subjectRef: string;
            toRegion: string;
        };
        /**
         * Handoff objected (v1)
         * @description The releasing region objected (e.g. the person still lives there): a dispute for operators; the holder stays responsible. Addressed to both regions.
         */
        LedgerHandoffObjectedV1: {
            answerReason: string;
            /**
             * Format: date
             * @description last working day to answer (China's official calendar)
             */
            deadline: string;
            fromRegion: string;
            /** Format: uuid */
            handoffId: string;
            /** @description why the handoff was proposed */
            reason: string;
            serviceCode: string;
            /** @enum {string} */
            status: "proposed" | "disputed" | "accepted" | "rejected" | "withdrawn";
            subjectRef: string;
            toRegion: string;
        };
        /**
         * Handoff proposed (v1)
         * @description The computed responsible region differs from the holder: the holder (fromRegion) is asked to hand the service to toRegion, which answers by the deadline. Addressed to both regions.
         */
        LedgerHandoffProposedV1: {
            /**
             * Format: date
             * @description last working day to answer (China's official calendar)
             */
            deadline: string;
            fromRegion: string;
            /** Format: uuid */
            handoffId: string;
            /** @description why the handoff was proposed */
            reason: string;
            serviceCode: string;
            /** @enum {string} */
            status: "proposed" | "disputed" | "accepted" | "rejected" | "withdrawn";
            subjectRef: string;
            toRegion: string;
        };
        /**
         * Handoff proposed (v2)
         * @description The computed responsible region differs from the holder: the holder (fromRegion) is asked to hand the service to toRegion, which answers by the deadline. Addressed to both regions. v2 of handoff-proposed.v1: adds deadlineProvisional.
         */
        LedgerHandoffProposedV2: {
            /**
             * Format: date
             * @description last working day to answer (the calendar of Tongban: the official holiday schedule, or past it the statutory holidays — see deadlineProvisional)
             */
            deadline: string;
            /** @description true when deadline lies past the official holiday schedule (the State Council's yearly notice on the holiday arrangement, as compiled in the dataset Tongban runs on): it is then counted on the statutory public holidays of 全国年节及纪念日放假办法 (as amended 2024), without make-up working days, and may move by a few days when the schedule for its year is published. If it moves, or becomes official, cn.gov.tongban.ledger.handoff-deadline-changed.v1 follows with the new date. false: counted on the official schedule; it does not move. */
            deadlineProvisional: boolean;
            fromRegion: string;
            /** Format: uuid */
            handoffId: string;
            /** @description why the handoff was proposed */
            reason: string;
            serviceCode: string;
            /** @enum {string} */
            status: "proposed" | "disputed" | "accepted" | "rejected" | "withdrawn";
            subjectRef: string;
            toRegion: string;
        };
        /**
         * Handoff rejected (v1)
         * @description The receiving region rejected the proposal; the holder stays responsible. Addressed to both regions.
         */
        LedgerHandoffRejectedV1: {
            answerReason: string;
            /**
             * Format: date
             * @description last working day to answer (China's official calendar)
             */
            deadline: string;
            fromRegion: string;
            /** Format: uuid */
            handoffId: string;
            /** @description why the handoff was proposed */
            reason: string;
            serviceCode: string;
            /** @enum {string} */
            status: "proposed" | "disputed" | "accepted" | "rejected" | "withdrawn";
            subjectRef: string;
            toRegion: string;
        };
        /**
         * Handoff answer due soon (v1)
         * @description The proposal is unanswered and its deadline is near. Addressed to both regions.
         */
        LedgerHandoffReminderV1: {
            /**
             * Format: date
             * @description last working day to answer (China's official calendar)
             */
            deadline: string;
            fromRegion: string;
            /** Format: uuid */
            handoffId: string;
            /** @description why the handoff was proposed */
            reason: string;
            serviceCode: string;
            /** @enum {string} */
            status: "proposed" | "disputed" | "accepted" | "rejected" | "withdrawn";
            subjectRef: string;
            toRegion: string;
        };
        /**
         * Handoff answer due soon (v2)
         * @description The proposal is unanswered and its deadline is near. Addressed to both regions. v2 of handoff-reminder.v1: adds deadlineProvisional.
         */
        LedgerHandoffReminderV2: {
            /**
             * Format: date
             * @description last working day to answer (the calendar of Tongban: the official holiday schedule, or past it the statutory holidays — see deadlineProvisional)
             */
            deadline: string;
            /** @description true when deadline lies past the official holiday schedule (the State Council's yearly notice on the holiday arrangement, as compiled in the dataset Tongban runs on): it is then counted on the statutory public holidays of 全国年节及纪念日放假办法 (as amended 2024), without make-up working days, and may move by a few days when the schedule for its year is published. If it moves, or becomes official, cn.gov.tongban.ledger.handoff-deadline-changed.v1 follows with the new date. false: counted on the official schedule; it does not move. */
            deadlineProvisional: boolean;
            fromRegion: string;
            /** Format: uuid */
            handoffId: string;
            /** @description why the handoff was proposed */
            reason: string;
            serviceCode: string;
            /** @enum {string} */
            status: "proposed" | "disputed" | "accepted" | "rejected" | "withdrawn";
            subjectRef: string;
            toRegion: string;
        };
        /**
         * Handoff withdrawn (v1)
         * @description The facts changed again before an answer (the proposal is superseded or no longer needed). Addressed to both regions.
         */
        LedgerHandoffWithdrawnV1: {
            /**
             * Format: date
             * @description last working day to answer (China's official calendar)
             */
            deadline: string;
            fromRegion: string;
            /** Format: uuid */
            handoffId: string;
            /** @description why the handoff was proposed */
            reason: string;
            serviceCode: string;
            /** @enum {string} */
            status: "proposed" | "disputed" | "accepted" | "rejected" | "withdrawn";
            subjectRef: string;
            toRegion: string;
        };
        /**
         * Responsibility changed (v1)
         * @description One interval closed and the next opened at the same instant, in one transaction. Addressed to both regions.
         */
        LedgerResponsibilityChangedV1: {
            /** Format: date-time */
            effectiveAt: string;
            fromRegion: string;
            /** Format: uuid */
            handoffId: string;
            reason: string;
            serviceCode: string;
            subjectRef: string;
            toRegion: string;
        };
        /**
         * Medical filing cancelled (v1)
         * @description The insured region cancelled a filing; settlements recorded under it stay, new ones are no longer covered. Addressed to the treatment region and the insured region.
         */
        MedicalFilingCancelledV1: {
            /** Format: date-time */
            cancelledAt: string;
            /** @enum {string} */
            category: "resettled-retiree" | "long-term-resident" | "posted-worker" | "referral" | "emergency" | "other-temporary";
            /** Format: uuid */
            filingId: string;
            insuredRegion: string;
            reason: string | null;
            subjectRef: string;
            treatmentRegion: string;
        };
        /**
         * Medical filing registered (v1)
         * @description The insured region registered a filing (异地就医备案) for treatment in another province. Addressed to the treatment region and the insured region. validTo is the last day of validity (inclusive), null when a long-term filing is open-ended.
         */
        MedicalFilingRegisteredV1: {
            /** @enum {string} */
            category: "resettled-retiree" | "long-term-resident" | "posted-worker" | "referral" | "emergency" | "other-temporary";
            /** Format: uuid */
            filingId: string;
            insuredRegion: string;
            /** Format: date-time */
            registeredAt: string;
            subjectRef: string;
            /** @enum {string} */
            term: "long-term" | "temporary";
            treatmentRegion: string;
            /** Format: date */
            validFrom: string;
            /** Format: date */
            validTo: string | null;
        };
        /**
         * Direct settlement recorded (v1)
         * @description A hospital of the treatment region settled a bill directly under the insured region's policy. Amounts in integer fen (fundPaidFen + selfPaidFen = totalFen). clearingMonth is the recording month whose clearing counts it. Addressed to the insured region and the treatment region.
         */
        MedicalSettlementRecordedV1: {
            /** Format: date */
            admissionDate: string;
            /** @enum {string} */
            admissionType: "planned" | "emergency";
            /** Format: uuid */
            claimId: string | null;
            clearingMonth: string;
            /** Format: date */
            dischargeDate: string;
            /** Format: uuid */
            filingId: string | null;
            fundPaidFen: number;
            hospitalCode: string;
            insuredRegion: string;
            /** Format: date-time */
            recordedAt: string;
            selfPaidFen: number;
            settlementId: string;
            subjectRef: string;
            totalFen: number;
            treatmentRegion: string;
        };
        /**
         * Clearing statement confirmed by one side (v1)
         * @description One side (the insured or the treatment province) confirmed a statement: it agrees to every line not disputed. status becomes 'confirmed' when both sides have. payableFen is the fund-paid sum of the undisputed lines, owed by the insured province to the treatment province. Addressed to both provinces.
         */
        MedicalStatementConfirmedV1: {
            /** Format: date-time */
            confirmedAt: string;
            /** @description the region whose credential confirmed */
            confirmedBy: string;
            disputedCount: number;
            insuredProvince: string;
            month: string;
            payableFen: number;
            /** @enum {string} */
            side: "insured" | "treatment";
            /** Format: uuid */
            statementId: string;
            /** @enum {string} */
            status: "issued" | "confirmed";
            treatmentProvince: string;
        };
        /**
         * Clearing statement lines disputed (v1)
         * @description One side disputed lines of a statement, each with a reason. Disputed lines are left out of this cycle's payable sum and carried into the next cycle as corrections. Addressed to both provinces.
         */
        MedicalStatementDisputedV1: {
            /** Format: date-time */
            disputedAt: string;
            disputedBy: string;
            insuredProvince: string;
            lines: {
                fundPaidFen: number;
                /** Format: uuid */
                lineId: string;
                lineNo: number;
                reason: string;
                settlementId: string;
                treatmentRegion: string;
            }[];
            month: string;
            /** @enum {string} */
            side: "insured" | "treatment";
            /** Format: uuid */
            statementId: string;
            treatmentProvince: string;
        };
        /**
         * Clearing statement issued (v1)
         * @description The monthly clearing statement of one (insured province, treatment province) pair was issued: counts and exact sums in fen of its original and correction lines. The lines are read with GET /v1/medical/clearings/{month}. Addressed to both provinces; the subject (and Kafka key) is the statement id.
         */
        MedicalStatementIssuedV1: {
            correctionCount: number;
            fundPaidFen: number;
            insuredProvince: string;
            /** Format: date-time */
            issuedAt: string;
            lineCount: number;
            month: string;
            originalCount: number;
            selfPaidFen: number;
            /** Format: uuid */
            statementId: string;
            totalFen: number;
            treatmentProvince: string;
        };
        /**
         * Residence permit cancelled (v1)
         * @description The issuing city cancelled the permit (the person left the city): from cancelledOn the city no longer counts the person as resident. Addressed to the issuing city and the hukou region.
         */
        ResidencePermitCancelledV1: {
            /** Format: date */
            cancelledOn: string;
            /**
             * Format: date
             * @description the day from which the new state holds
             */
            effectiveOn: string;
            /** @description the person's hukou region (a recipient) */
            hukouRegion: string;
            /** Format: uuid */
            permitId: string;
            permitNumber: string;
            reason: string;
            /** @description the issuing city (a recipient) */
            residenceCity: string;
            /**
             * Format: date
             * @description the residence years the city counts run from this day (restarted by a late endorsement)
             */
            residenceYearsCountFrom: string;
            /**
             * @description the permit's status after the change
             * @enum {string}
             */
            status: "active" | "suspended" | "cancelled";
            subjectRef: string;
            /** Format: date */
            validUntil: string;
        };
        /**
         * Residence permit endorsed (v1)
         * @description The issuing city recorded the yearly endorsement (签注, 居住证暂行条例 第十四条). A late endorsement (after the due date) restores a suspended permit and restarts the count of residence years from the endorsement date. Addressed to the issuing city and the hukou region.
         */
        ResidencePermitEndorsedV1: {
            /**
             * Format: date
             * @description the endorsement was due on or before this day
             */
            dueOn: string;
            /**
             * Format: date
             * @description the day from which the new state holds
             */
            effectiveOn: string;
            /** Format: date */
            endorsedOn: string;
            /** @description the person's hukou region (a recipient) */
            hukouRegion: string;
            /** @description for a late endorsement, the first day the permit's functions were suspended */
            lapsedOn: string | null;
            late: boolean;
            /** Format: date */
            nextEndorsementDue: string;
            /** Format: uuid */
            permitId: string;
            permitNumber: string;
            /** @description the issuing city (a recipient) */
            residenceCity: string;
            /**
             * Format: date
             * @description the residence years the city counts run from this day (restarted by a late endorsement)
             */
            residenceYearsCountFrom: string;
            /**
             * @description the permit's status after the change
             * @enum {string}
             */
            status: "active" | "suspended" | "cancelled";
            subjectRef: string;
            /** Format: date */
            validUntil: string;
        };
        /**
         * Residence permit issued (v1)
         * @description A city registered a residence permit. Addressed to the issuing city and the person's hukou region. The person appears only as subjectRef.
         */
        ResidencePermitIssuedV1: {
            /** @enum {string} */
            basis: "employment" | "housing" | "study";
            hukouRegion: string;
            /** Format: date */
            issuedOn: string;
            /** Format: uuid */
            permitId: string;
            permitNumber: string;
            residenceCity: string;
            /** Format: date */
            residenceSince: string;
            subjectRef: string;
            /** Format: date */
            validUntil: string;
        };
        /**
         * Residence years recognised (v1)
         * @description A new permit was issued in a city of a mutual recognition group (居住证互通互认, seed 000 clause 十一) and the person's residence years in other member cities count there from the date both cities are members. Emitted automatically with the new permit. Addressed to the recognising city, the hukou region and the cities whose years are recognised.
         */
        ResidencePermitRecognisedV1: {
            /**
             * Format: date
             * @description the new permit's issue date
             */
            effectiveOn: string;
            groupId: string;
            groupNameZh: string;
            /** @description the person's hukou region (a recipient) */
            hukouRegion: string;
            /**
             * Format: uuid
             * @description the new permit, in the recognising city
             */
            permitId: string;
            permitNumber: string;
            /** @description completed months of residence in other member cities counted by the recognising city */
            recognisedMonths: number;
            /** @description the recognising city (issued the new permit) */
            residenceCity: string;
            sources: {
                city: string;
                /** Format: date */
                countedFrom: string;
                /**
                 * Format: date
                 * @description exclusive
                 */
                countedTo: string;
                /** Format: uuid */
                permitId: string;
                /**
                 * Format: date
                 * @description the later of the counted start and the date both cities are members
                 */
                recognisedFrom: string;
                recognisedMonths: number;
            }[];
            subjectRef: string;
        };
        /**
         * Residence permit renewed (v1)
         * @description The issuing city extended the permit's validity. Addressed to the issuing city and the hukou region.
         */
        ResidencePermitRenewedV1: {
            /**
             * Format: date
             * @description the day from which the new state holds
             */
            effectiveOn: string;
            /** @description the person's hukou region (a recipient) */
            hukouRegion: string;
            /** Format: uuid */
            permitId: string;
            permitNumber: string;
            /** Format: date */
            previousValidUntil: string;
            /** @description the issuing city (a recipient) */
            residenceCity: string;
            /**
             * Format: date
             * @description the residence years the city counts run from this day (restarted by a late endorsement)
             */
            residenceYearsCountFrom: string;
            /**
             * @description the permit's status after the change
             * @enum {string}
             */
            status: "active" | "suspended" | "cancelled";
            subjectRef: string;
            /** Format: date */
            validUntil: string;
        };
        /**
         * Residence permit suspended (v1)
         * @description The yearly endorsement was missed: the permit's functions are suspended from suspendedOn (居住证暂行条例 第十四条) until a late endorsement, which restarts the count of residence years. Addressed to the issuing city and the hukou region.
         */
        ResidencePermitSuspendedV1: {
            /** Format: date */
            dueOn: string;
            /**
             * Format: date
             * @description the day from which the new state holds
             */
            effectiveOn: string;
            /** @description the person's hukou region (a recipient) */
            hukouRegion: string;
            /** Format: uuid */
            permitId: string;
            permitNumber: string;
            /** @enum {string} */
            reason: "endorsement-missed";
            /** @description the issuing city (a recipient) */
            residenceCity: string;
            /**
             * Format: date
             * @description the residence years the city counts run from this day (restarted by a late endorsement)
             */
            residenceYearsCountFrom: string;
            /**
             * @description the permit's status after the change
             * @enum {string}
             */
            status: "active" | "suspended" | "cancelled";
            subjectRef: string;
            /** Format: date */
            suspendedOn: string;
            /** Format: date */
            validUntil: string;
        };
        /**
         * Contribution certificate received (v1)
         * @description The outbound region submitted the contribution certificate (参保缴费凭证); duplicate months (重复缴费) were detected and resolved: the inbound region keeps them, the outbound region refunds them. The person appears only as subjectRef; amounts are integer fen.
         */
        SocialInsuranceCertificateReceivedV1: {
            accountBalanceFen: number;
            duplicates: {
                /** @enum {string} */
                kept: "inbound";
                months: string[];
                /** @enum {string} */
                refundBy: "outbound";
            };
            firstMonth: string;
            inboundRegion: string;
            /** @enum {string} */
            insuranceType: "pension" | "medical";
            lastMonth: string;
            monthsCount: number;
            outboundRegion: string;
            /** Format: date */
            receivedOn: string;
            /** @enum {string} */
            state: "requested" | "certified" | "remitted" | "completed" | "refused" | "cancelled";
            subjectRef: string;
            /** Format: uuid */
            transferId: string;
        };
        /**
         * Contribution certificate received (v2)
         * @description The outbound region submitted the contribution certificate (参保缴费凭证); duplicate months (重复缴费) were detected and resolved: the side named by duplicates.kept keeps them, duplicates.refundBy clears its contributions for them and refunds their individual-account share to the person (refundFen when the outbound region refunds; null when the inbound region clears its own months from its records). v2 of certificate-received.v1: duplicates.kept may be outbound; adds refundFen. The person appears only as subjectRef; amounts are integer fen.
         */
        SocialInsuranceCertificateReceivedV2: {
            accountBalanceFen: number;
            duplicates: {
                /** @enum {string} */
                kept: "inbound" | "outbound";
                months: string[];
                /** @enum {string} */
                refundBy: "inbound" | "outbound";
                refundFen: number | null;
            };
            firstMonth: string;
            inboundRegion: string;
            /** @enum {string} */
            insuranceType: "pension" | "medical";
            lastMonth: string;
            monthsCount: number;
            outboundRegion: string;
            /** Format: date */
            receivedOn: string;
            /** @enum {string} */
            state: "applied" | "requested" | "certified" | "remitted" | "completed" | "refused" | "cancelled";
            subjectRef: string;
            /** Format: uuid */
            transferId: string;
        };
        /**
         * Transfer contact letter issued (v1)
         * @description The inbound region requested a transfer (联系函). Addressed to the outbound region (which must issue the certificate before deadline.dueOn) and the inbound region. The person appears only as subjectRef; amounts are integer fen.
         */
        SocialInsuranceContactLetterIssuedV1: {
            deadline: {
                /** @description null while the official holiday schedule does not yet cover the deadline */
                dueOn: string | null;
                /** @enum {string} */
                party: "outbound" | "inbound";
                /** Format: date */
                startedOn: string;
                workingDays: number;
            };
            hukouRegion: string | null;
            inboundMonthsCount: number;
            inboundRegion: string;
            /** @enum {string} */
            insuranceType: "pension" | "medical";
            outboundRegion: string;
            /** Format: date */
            requestedOn: string;
            /** @enum {string} */
            state: "requested" | "certified" | "remitted" | "completed" | "refused" | "cancelled";
            subjectRef: string;
            /** Format: uuid */
            transferId: string;
        };
        /**
         * Transfer contact letter issued (v2)
         * @description The inbound region issued the contact letter (同意接收函 / 联系函): for a pension after reviewing the application (国办发〔2009〕66号 Art. 8(2)), for medical insurance on accepting it. Addressed to the outbound region (which must certify and remit before deadline.dueOn) and the inbound region. duplicateMonthsKept says which side keeps months contributed in both regions. v2 of contact-letter-issued.v1: adds appliedOn, issuedOn (replacing requestedOn) and duplicateMonthsKept. The person appears only as subjectRef; amounts are integer fen.
         */
        SocialInsuranceContactLetterIssuedV2: {
            /**
             * Format: date
             * @description day the inbound region received the application
             */
            appliedOn: string;
            deadline: {
                /** @description null while the official holiday schedule does not yet cover the deadline */
                dueOn: string | null;
                /** @enum {string} */
                party: "outbound" | "inbound";
                /** Format: date */
                startedOn: string;
                workingDays: number;
            };
            /** @enum {string} */
            duplicateMonthsKept: "inbound" | "outbound";
            hukouRegion: string | null;
            inboundMonthsCount: number;
            inboundRegion: string;
            /** @enum {string} */
            insuranceType: "pension" | "medical";
            /**
             * Format: date
             * @description day the contact letter was issued (the outbound clock starts)
             */
            issuedOn: string;
            outboundRegion: string;
            /** @enum {string} */
            state: "applied" | "requested" | "certified" | "remitted" | "completed" | "refused" | "cancelled";
            subjectRef: string;
            /** Format: uuid */
            transferId: string;
        };
        /**
         * Transfer contact letter issued (v3)
         * @description The inbound region issued the contact letter (同意接收函 / 联系函): for a pension after reviewing the application (国办发〔2009〕66号 Art. 8(2)), for medical insurance on accepting it. Addressed to the outbound region (which must certify and remit before deadline.dueOn) and the inbound region. duplicateMonthsKept says which side keeps months contributed in both regions. v3 of contact-letter-issued.v2: deadline.dueOn is always a date and deadline.provisional says whether it may still move (a deadline-changed event then follows). The person appears only as subjectRef; amounts are integer fen.
         */
        SocialInsuranceContactLetterIssuedV3: {
            /**
             * Format: date
             * @description day the inbound region received the application
             */
            appliedOn: string;
            deadline: {
                /**
                 * Format: date
                 * @description last day for the outbound region to certify and remit, in working days
                 */
                dueOn: string;
                /** @enum {string} */
                party: "outbound" | "inbound";
                /** @description true when dueOn lies past the official holiday schedule (the State Council's yearly notice on the holiday arrangement, as compiled in the dataset Tongban runs on): it is then counted on the statutory public holidays of 全国年节及纪念日放假办法 (as amended 2024: 元旦 1 day, 春节 4, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3, a holiday on a weekend given back on the next working day), without make-up working days, and may move by a few days when the schedule for its year is published. If it moves, or becomes official, cn.gov.tongban.social-insurance.deadline-changed.v1 follows with the new date. false: counted on the official schedule; it does not move. */
                provisional: boolean;
                /** Format: date */
                startedOn: string;
                workingDays: number;
            };
            /** @enum {string} */
            duplicateMonthsKept: "inbound" | "outbound";
            hukouRegion: string | null;
            inboundMonthsCount: number;
            inboundRegion: string;
            /** @enum {string} */
            insuranceType: "pension" | "medical";
            /**
             * Format: date
             * @description day the contact letter was issued (the outbound clock starts)
             */
            issuedOn: string;
            outboundRegion: string;
            /** @enum {string} */
            state: "applied" | "requested" | "certified" | "remitted" | "completed" | "refused" | "cancelled";
            subjectRef: string;
            /** Format: uuid */
            transferId: string;
        };
        /**
         * Transfer deadline recomputed
         * @description A provisional due date of the current step was counted again on the calendar as it is now, because a newer official holiday schedule arrived: the date moved, or stands and became official (provisional false). Provisional dates are those past the official schedule, counted on the statutory public holidays of 全国年节及纪念日放假办法 (as amended 2024) without make-up working days; the State Council's yearly notice adds weekdays off and make-up working weekends, so an official date can be a few days later or earlier. Written in the transaction of the recompute. Addressed to the regions that heard of the step: both regions, or the inbound region only while a pension application awaits its contact letter. Reminders and overdue items follow the new date. The person appears only as subjectRef.
         */
        SocialInsuranceDeadlineChangedV1: {
            awaitingRegion: string;
            /**
             * Format: date
             * @description the due date counted again; may equal previousDueOn (the date stands and is now official)
             */
            dueOn: string;
            inboundRegion: string;
            /** @enum {string} */
            insuranceType: "pension" | "medical";
            outboundRegion: string;
            /** @description true when the step had been flagged overdue on previousDueOn and dueOn is not yet passed: the deadline-overdue event and its operators' queue item are withdrawn. If dueOn is passed (the new date is earlier) the clock raises deadline-overdue for it on its next run. */
            overdueWithdrawn: boolean;
            /**
             * Format: date
             * @description the due date announced before, which was provisional
             */
            previousDueOn: string;
            /** @description false: dueOn is counted on the official holiday schedule and does not move again. true: the calendar changed but still does not reach dueOn; it is again counted on the statutory public holidays and another deadline-changed event follows when it is recomputed. */
            provisional: boolean;
            /**
             * Format: date
             * @description day (China time) of the recompute
             */
            recomputedOn: string;
            /**
             * Format: date
             * @description day the step's clock started (unchanged)
             */
            startedOn: string;
            /** @enum {string} */
            state: "applied" | "requested" | "certified" | "remitted" | "completed" | "refused" | "cancelled";
            /** @enum {string} */
            step: "contact-letter" | "certificate" | "remittance" | "receipt";
            subjectRef: string;
            /** Format: uuid */
            transferId: string;
            /** @description the statutory limit in working days (unchanged) */
            workingDays: number;
        };
        /**
         * Transfer deadline overdue (v1)
         * @description The statutory deadline of the current step has passed; an item was put on the operators' queue. Addressed to both regions. The person appears only as subjectRef; amounts are integer fen.
         */
        SocialInsuranceDeadlineOverdueV1: {
            awaitingRegion: string;
            /** Format: date */
            dueOn: string;
            inboundRegion: string;
            /** @enum {string} */
            insuranceType: "pension" | "medical";
            outboundRegion: string;
            /** Format: date */
            overdueSince: string;
            /** @enum {string} */
            state: "requested" | "certified" | "remitted" | "completed" | "refused" | "cancelled";
            /** @enum {string} */
            step: "certificate" | "remittance" | "receipt";
            subjectRef: string;
            /** Format: uuid */
            transferId: string;
        };
        /**
         * Transfer deadline overdue (v2)
         * @description The statutory deadline of the current step has passed; an item was put on the operators' queue. Addressed to both regions. v2 of deadline-overdue.v1: the step may be contact-letter — the contact-letter step is the inbound region's review of a pension application; the state may be applied. The person appears only as subjectRef; amounts are integer fen.
         */
        SocialInsuranceDeadlineOverdueV2: {
            awaitingRegion: string;
            /** Format: date */
            dueOn: string;
            inboundRegion: string;
            /** @enum {string} */
            insuranceType: "pension" | "medical";
            outboundRegion: string;
            /** Format: date */
            overdueSince: string;
            /** @enum {string} */
            state: "applied" | "requested" | "certified" | "remitted" | "completed" | "refused" | "cancelled";
            /** @enum {string} */
            step: "contact-letter" | "certificate" | "remittance" | "receipt";
            subjectRef: string;
            /** Format: uuid */
            transferId: string;
        };
        /**
         * Transfer deadline overdue (v3)
         * @description The statutory deadline of the current step has passed; an item was put on the operators' queue. Addressed to both regions (to the inbound region only while a pension application awaits its contact letter). When dueOnProvisional is true and the official schedule later puts the deadline on a day not yet passed, the overdue item is withdrawn: a cn.gov.tongban.social-insurance.deadline-changed.v1 with overdueWithdrawn true says so. v3 of deadline-overdue.v2: adds dueOnProvisional. The person appears only as subjectRef; amounts are integer fen.
         */
        SocialInsuranceDeadlineOverdueV3: {
            awaitingRegion: string;
            /** Format: date */
            dueOn: string;
            /** @description true when dueOn lies past the official holiday schedule (the State Council's yearly notice on the holiday arrangement, as compiled in the dataset Tongban runs on): it is then counted on the statutory public holidays of 全国年节及纪念日放假办法 (as amended 2024: 元旦 1 day, 春节 4, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3, a holiday on a weekend given back on the next working day), without make-up working days, and may move by a few days when the schedule for its year is published. If it moves, or becomes official, cn.gov.tongban.social-insurance.deadline-changed.v1 follows with the new date. false: counted on the official schedule; it does not move. */
            dueOnProvisional: boolean;
            inboundRegion: string;
            /** @enum {string} */
            insuranceType: "pension" | "medical";
            outboundRegion: string;
            /** Format: date */
            overdueSince: string;
            /** @enum {string} */
            state: "applied" | "requested" | "certified" | "remitted" | "completed" | "refused" | "cancelled";
            /** @enum {string} */
            step: "contact-letter" | "certificate" | "remittance" | "receipt";
            subjectRef: string;
            /** Format: uuid */
            transferId: string;
        };
        /**
         * Transfer deadline reminder (v1)
         * @description The statutory deadline of the current step is near (at most 3 working days left). Addressed to the region whose step it is. The person appears only as subjectRef; amounts are integer fen.
         */
        SocialInsuranceDeadlineReminderV1: {
            awaitingRegion: string;
            /** Format: date */
            dueOn: string;
            inboundRegion: string;
            /** @enum {string} */
            insuranceType: "pension" | "medical";
            outboundRegion: string;
            /** @enum {string} */
            state: "requested" | "certified" | "remitted" | "completed" | "refused" | "cancelled";
            /** @enum {string} */
            step: "certificate" | "remittance" | "receipt";
            subjectRef: string;
            /** Format: date */
            today: string;
            /** Format: uuid */
            transferId: string;
            workingDaysLeft: number;
        };
        /**
         * Transfer deadline reminder (v2)
         * @description The statutory deadline of the current step is near (at most 3 working days left). Addressed to the region whose step it is. v2 of deadline-reminder.v1: the step may be contact-letter — the contact-letter step is the inbound region's review of a pension application; the state may be applied. The person appears only as subjectRef; amounts are integer fen.
         */
        SocialInsuranceDeadlineReminderV2: {
            awaitingRegion: string;
            /** Format: date */
            dueOn: string;
            inboundRegion: string;
            /** @enum {string} */
            insuranceType: "pension" | "medical";
            outboundRegion: string;
            /** @enum {string} */
            state: "applied" | "requested" | "certified" | "remitted" | "completed" | "refused" | "cancelled";
            /** @enum {string} */
            step: "contact-letter" | "certificate" | "remittance" | "receipt";
            subjectRef: string;
            /** Format: date */
            today: string;
            /** Format: uuid */
            transferId: string;
            workingDaysLeft: number;
        };
        /**
         * Transfer deadline reminder (v3)
         * @description The statutory deadline of the current step is near (at most 3 working days left). Addressed to the region whose step it is. v3 of deadline-reminder.v2: adds dueOnProvisional. The person appears only as subjectRef; amounts are integer fen.
         */
        SocialInsuranceDeadlineReminderV3: {
            awaitingRegion: string;
            /** Format: date */
            dueOn: string;
            /** @description true when dueOn lies past the official holiday schedule (the State Council's yearly notice on the holiday arrangement, as compiled in the dataset Tongban runs on): it is then counted on the statutory public holidays of 全国年节及纪念日放假办法 (as amended 2024: 元旦 1 day, 春节 4, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3, a holiday on a weekend given back on the next working day), without make-up working days, and may move by a few days when the schedule for its year is published. If it moves, or becomes official, cn.gov.tongban.social-insurance.deadline-changed.v1 follows with the new date. false: counted on the official schedule; it does not move. */
            dueOnProvisional: boolean;
            inboundRegion: string;
            /** @enum {string} */
            insuranceType: "pension" | "medical";
            outboundRegion: string;
            /** @enum {string} */
            state: "applied" | "requested" | "certified" | "remitted" | "completed" | "refused" | "cancelled";
            /** @enum {string} */
            step: "contact-letter" | "certificate" | "remittance" | "receipt";
            subjectRef: string;
            /** Format: date */
            today: string;
            /** Format: uuid */
            transferId: string;
            workingDaysLeft: number;
        };
        /**
         * Transfer funds computed (v1)
         * @description The funds to move, in integer fen: pension = individual account balance + pooled part (12 % of each year's bases from 1998, rounded half-up once per year, refunded duplicate months excluded); medical = the individual account balance. collectionRegion is the pension collection region under 国办发〔2009〕66号 Art. 6, for information. The person appears only as subjectRef; amounts are integer fen.
         */
        SocialInsuranceFundsComputedV1: {
            accountBalanceFen: number;
            collectionRegion: {
                region: string;
                /** @enum {string} */
                rule: "hukou" | "last-10-years" | "previous-10-years" | "hukou-fallback";
            } | null;
            deadline: {
                /** @description null while the official holiday schedule does not yet cover the deadline */
                dueOn: string | null;
                /** @enum {string} */
                party: "outbound" | "inbound";
                /** Format: date */
                startedOn: string;
                workingDays: number;
            };
            inboundRegion: string;
            /** @enum {string} */
            insuranceType: "pension" | "medical";
            outboundRegion: string;
            policyVersion: number;
            pooledFen: number;
            refundedDuplicateMonths: string[];
            /** @enum {string} */
            state: "requested" | "certified" | "remitted" | "completed" | "refused" | "cancelled";
            subjectRef: string;
            transferFen: number;
            /** Format: uuid */
            transferId: string;
            years: {
                baseTotalFen: number;
                months: number;
                pooledFen: number;
                year: number;
            }[];
        };
        /**
         * Transfer funds computed (v2)
         * @description The funds to move, in integer fen: pension = individual account balance − the individual-account share of duplicate months the outbound region clears and refunds to the person + pooled part (12 % of each year's bases from 1998, rounded half-up once per year, cleared duplicate months excluded); medical = the individual account balance. collectionRegion is the pension collection region under 国办发〔2009〕66号 Art. 6 (regions compared on the GB/T 2260 hierarchy), for information. v2 of funds-computed.v1: adds refundedShareFen and duplicateMonthsKept. The person appears only as subjectRef; amounts are integer fen.
         */
        SocialInsuranceFundsComputedV2: {
            accountBalanceFen: number;
            collectionRegion: {
                region: string;
                /** @enum {string} */
                rule: "hukou" | "last-10-years" | "previous-10-years" | "hukou-fallback";
            } | null;
            deadline: {
                /** @description null while the official holiday schedule does not yet cover the deadline */
                dueOn: string | null;
                /** @enum {string} */
                party: "outbound" | "inbound";
                /** Format: date */
                startedOn: string;
                workingDays: number;
            };
            /** @enum {string} */
            duplicateMonthsKept: "inbound" | "outbound";
            inboundRegion: string;
            /** @enum {string} */
            insuranceType: "pension" | "medical";
            outboundRegion: string;
            policyVersion: number;
            pooledFen: number;
            refundedDuplicateMonths: string[];
            /** @description individual-account share of the cleared duplicate months, refunded to the person by the outbound region, not moved */
            refundedShareFen: number;
            /** @enum {string} */
            state: "applied" | "requested" | "certified" | "remitted" | "completed" | "refused" | "cancelled";
            subjectRef: string;
            transferFen: number;
            /** Format: uuid */
            transferId: string;
            years: {
                baseTotalFen: number;
                months: number;
                pooledFen: number;
                year: number;
            }[];
        };
        /**
         * Transfer funds computed (v3)
         * @description The funds to move, in integer fen: pension = individual account balance − the individual-account share of duplicate months the outbound region clears and refunds to the person + pooled part (12 % of each year's bases from 1998, rounded half-up once per year, cleared duplicate months excluded); medical = the individual account balance. collectionRegion is the pension collection region under 国办发〔2009〕66号 Art. 6 (regions compared on the GB/T 2260 hierarchy), for information. deadline is the outbound clock still running (remittance). v3 of funds-computed.v2: deadline.dueOn is always a date and deadline.provisional says whether it may still move (a deadline-changed event then follows). The person appears only as subjectRef; amounts are integer fen.
         */
        SocialInsuranceFundsComputedV3: {
            accountBalanceFen: number;
            collectionRegion: {
                region: string;
                /** @enum {string} */
                rule: "hukou" | "last-10-years" | "previous-10-years" | "hukou-fallback";
            } | null;
            deadline: {
                /**
                 * Format: date
                 * @description last day for the outbound region to remit, in working days
                 */
                dueOn: string;
                /** @enum {string} */
                party: "outbound" | "inbound";
                /** @description true when dueOn lies past the official holiday schedule (the State Council's yearly notice on the holiday arrangement, as compiled in the dataset Tongban runs on): it is then counted on the statutory public holidays of 全国年节及纪念日放假办法 (as amended 2024: 元旦 1 day, 春节 4, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3, a holiday on a weekend given back on the next working day), without make-up working days, and may move by a few days when the schedule for its year is published. If it moves, or becomes official, cn.gov.tongban.social-insurance.deadline-changed.v1 follows with the new date. false: counted on the official schedule; it does not move. */
                provisional: boolean;
                /** Format: date */
                startedOn: string;
                workingDays: number;
            };
            /** @enum {string} */
            duplicateMonthsKept: "inbound" | "outbound";
            inboundRegion: string;
            /** @enum {string} */
            insuranceType: "pension" | "medical";
            outboundRegion: string;
            policyVersion: number;
            pooledFen: number;
            refundedDuplicateMonths: string[];
            /** @description individual-account share of the cleared duplicate months, refunded to the person by the outbound region, not moved */
            refundedShareFen: number;
            /** @enum {string} */
            state: "applied" | "requested" | "certified" | "remitted" | "completed" | "refused" | "cancelled";
            subjectRef: string;
            transferFen: number;
            /** Format: uuid */
            transferId: string;
            years: {
                baseTotalFen: number;
                months: number;
                pooledFen: number;
                year: number;
            }[];
        };
        /**
         * Transfer cancelled (v1)
         * @description The requesting (inbound) region cancelled the transfer before remittance. The transfer is closed. The person appears only as subjectRef; amounts are integer fen.
         */
        SocialInsuranceTransferCancelledV1: {
            /** Format: date */
            cancelledOn: string;
            inboundRegion: string;
            /** @enum {string} */
            insuranceType: "pension" | "medical";
            outboundRegion: string;
            reason: string;
            /** @enum {string} */
            state: "requested" | "certified" | "remitted" | "completed" | "refused" | "cancelled";
            /** @enum {string} */
            step: "certificate" | "remittance" | "receipt";
            subjectRef: string;
            /** Format: uuid */
            transferId: string;
        };
        /**
         * Transfer cancelled (v2)
         * @description The requesting (inbound) region cancelled the transfer before remittance. The transfer is closed. v2 of transfer-cancelled.v1: the step may be contact-letter; the state may be applied. The person appears only as subjectRef; amounts are integer fen.
         */
        SocialInsuranceTransferCancelledV2: {
            /** Format: date */
            cancelledOn: string;
            inboundRegion: string;
            /** @enum {string} */
            insuranceType: "pension" | "medical";
            outboundRegion: string;
            reason: string;
            /** @enum {string} */
            state: "applied" | "requested" | "certified" | "remitted" | "completed" | "refused" | "cancelled";
            /** @enum {string} */
            step: "contact-letter" | "certificate" | "remittance" | "receipt";
            subjectRef: string;
            /** Format: uuid */
            transferId: string;
        };
        /**
         * Transfer completed (v1)
         * @description The insurance relation and its funds are now with the inbound region. The person appears only as subjectRef; amounts are integer fen.
         */
        SocialInsuranceTransferCompletedV1: {
            /** Format: date */
            completedOn: string;
            inboundRegion: string;
            /** @enum {string} */
            insuranceType: "pension" | "medical";
            outboundRegion: string;
            /** @enum {string} */
            state: "requested" | "certified" | "remitted" | "completed" | "refused" | "cancelled";
            subjectRef: string;
            transferFen: number;
            /** Format: uuid */
            transferId: string;
        };
        /**
         * Transfer funds received (v1)
         * @description The inbound region confirmed receipt of the remitted funds. The person appears only as subjectRef; amounts are integer fen.
         */
        SocialInsuranceTransferReceivedV1: {
            amountFen: number;
            inboundRegion: string;
            /** @enum {string} */
            insuranceType: "pension" | "medical";
            outboundRegion: string;
            /** Format: date */
            receivedOn: string;
            /** @enum {string} */
            state: "requested" | "certified" | "remitted" | "completed" | "refused" | "cancelled";
            subjectRef: string;
            /** Format: uuid */
            transferId: string;
        };
        /**
         * Transfer refused (v1)
         * @description The region whose step it was refused the transfer, with a reason. The transfer is closed. The person appears only as subjectRef; amounts are integer fen.
         */
        SocialInsuranceTransferRefusedV1: {
            inboundRegion: string;
            /** @enum {string} */
            insuranceType: "pension" | "medical";
            outboundRegion: string;
            reason: string;
            refusedBy: string;
            /** @enum {string} */
            state: "requested" | "certified" | "remitted" | "completed" | "refused" | "cancelled";
            /** @enum {string} */
            step: "certificate" | "remittance" | "receipt";
            subjectRef: string;
            /** Format: uuid */
            transferId: string;
        };
        /**
         * Transfer refused (v2)
         * @description The region whose step it was refused the transfer, with a reason. The transfer is closed. v2 of transfer-refused.v1: the step may be contact-letter — a refusal at the contact-letter step is the inbound region's written reasons for not accepting a pension application (国办发〔2009〕66号 Art. 8(2)); the state may be applied. The person appears only as subjectRef; amounts are integer fen.
         */
        SocialInsuranceTransferRefusedV2: {
            inboundRegion: string;
            /** @enum {string} */
            insuranceType: "pension" | "medical";
            outboundRegion: string;
            reason: string;
            refusedBy: string;
            /** @enum {string} */
            state: "applied" | "requested" | "certified" | "remitted" | "completed" | "refused" | "cancelled";
            /** @enum {string} */
            step: "contact-letter" | "certificate" | "remittance" | "receipt";
            subjectRef: string;
            /** Format: uuid */
            transferId: string;
        };
        /**
         * Transfer funds remitted (v1)
         * @description The outbound region remitted the computed funds; the inbound region must confirm receipt before deadline.dueOn. The person appears only as subjectRef; amounts are integer fen.
         */
        SocialInsuranceTransferRemittedV1: {
            amountFen: number;
            deadline: {
                /** @description null while the official holiday schedule does not yet cover the deadline */
                dueOn: string | null;
                /** @enum {string} */
                party: "outbound" | "inbound";
                /** Format: date */
                startedOn: string;
                workingDays: number;
            };
            inboundRegion: string;
            /** @enum {string} */
            insuranceType: "pension" | "medical";
            outboundRegion: string;
            reference: string;
            /** Format: date */
            remittedOn: string;
            /** @enum {string} */
            state: "requested" | "certified" | "remitted" | "completed" | "refused" | "cancelled";
            subjectRef: string;
            /** Format: uuid */
            transferId: string;
        };
        /**
         * Transfer funds remitted (v2)
         * @description The outbound region remitted the computed funds; the inbound region must confirm receipt by deadline.dueOn. Addressed to both regions. v2 of transfer-remitted.v1: deadline.dueOn is always a date and deadline.provisional says whether it may still move (a deadline-changed event then follows); the state enum lists every state, as the other v2 events. The person appears only as subjectRef; amounts are integer fen.
         */
        SocialInsuranceTransferRemittedV2: {
            amountFen: number;
            deadline: {
                /**
                 * Format: date
                 * @description last day for the inbound region to confirm receipt, in working days
                 */
                dueOn: string;
                /** @enum {string} */
                party: "outbound" | "inbound";
                /** @description true when dueOn lies past the official holiday schedule (the State Council's yearly notice on the holiday arrangement, as compiled in the dataset Tongban runs on): it is then counted on the statutory public holidays of 全国年节及纪念日放假办法 (as amended 2024: 元旦 1 day, 春节 4, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3, a holiday on a weekend given back on the next working day), without make-up working days, and may move by a few days when the schedule for its year is published. If it moves, or becomes official, cn.gov.tongban.social-insurance.deadline-changed.v1 follows with the new date. false: counted on the official schedule; it does not move. */
                provisional: boolean;
                /** Format: date */
                startedOn: string;
                workingDays: number;
            };
            inboundRegion: string;
            /** @enum {string} */
            insuranceType: "pension" | "medical";
            outboundRegion: string;
            reference: string;
            /** Format: date */
            remittedOn: string;
            /** @enum {string} */
            state: "applied" | "requested" | "certified" | "remitted" | "completed" | "refused" | "cancelled";
            subjectRef: string;
            /** Format: uuid */
            transferId: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;

/** Event data by CloudEvents type. */
export interface EventDataByType {
  'cn.gov.tongban.ledger.fact-change-deadline-changed.v1': components['schemas']['LedgerFactChangeDeadlineChangedV1'];
  'cn.gov.tongban.ledger.fact-change-decided.v1': components['schemas']['LedgerFactChangeDecidedV1'];
  'cn.gov.tongban.ledger.fact-change-objected.v1': components['schemas']['LedgerFactChangeObjectedV1'];
  'cn.gov.tongban.ledger.fact-change-stated.v1': components['schemas']['LedgerFactChangeStatedV1'];
  'cn.gov.tongban.ledger.fact-change-stated.v2': components['schemas']['LedgerFactChangeStatedV2'];
  'cn.gov.tongban.ledger.gap-detected.v1': components['schemas']['LedgerGapDetectedV1'];
  'cn.gov.tongban.ledger.handoff-accepted.v1': components['schemas']['LedgerHandoffAcceptedV1'];
  'cn.gov.tongban.ledger.handoff-case-proposed.v1': components['schemas']['LedgerHandoffCaseProposedV1'];
  'cn.gov.tongban.ledger.handoff-case-updated.v1': components['schemas']['LedgerHandoffCaseUpdatedV1'];
  'cn.gov.tongban.ledger.handoff-deadline-changed.v1': components['schemas']['LedgerHandoffDeadlineChangedV1'];
  'cn.gov.tongban.ledger.handoff-escalated.v1': components['schemas']['LedgerHandoffEscalatedV1'];
  'cn.gov.tongban.ledger.handoff-escalated.v2': components['schemas']['LedgerHandoffEscalatedV2'];
  'cn.gov.tongban.ledger.handoff-objected.v1': components['schemas']['LedgerHandoffObjectedV1'];
  'cn.gov.tongban.ledger.handoff-proposed.v1': components['schemas']['LedgerHandoffProposedV1'];
  'cn.gov.tongban.ledger.handoff-proposed.v2': components['schemas']['LedgerHandoffProposedV2'];
  'cn.gov.tongban.ledger.handoff-rejected.v1': components['schemas']['LedgerHandoffRejectedV1'];
  'cn.gov.tongban.ledger.handoff-reminder.v1': components['schemas']['LedgerHandoffReminderV1'];
  'cn.gov.tongban.ledger.handoff-reminder.v2': components['schemas']['LedgerHandoffReminderV2'];
  'cn.gov.tongban.ledger.handoff-withdrawn.v1': components['schemas']['LedgerHandoffWithdrawnV1'];
  'cn.gov.tongban.ledger.responsibility-changed.v1': components['schemas']['LedgerResponsibilityChangedV1'];
  'cn.gov.tongban.medical.filing-cancelled.v1': components['schemas']['MedicalFilingCancelledV1'];
  'cn.gov.tongban.medical.filing-registered.v1': components['schemas']['MedicalFilingRegisteredV1'];
  'cn.gov.tongban.medical.settlement-recorded.v1': components['schemas']['MedicalSettlementRecordedV1'];
  'cn.gov.tongban.medical.statement-confirmed.v1': components['schemas']['MedicalStatementConfirmedV1'];
  'cn.gov.tongban.medical.statement-disputed.v1': components['schemas']['MedicalStatementDisputedV1'];
  'cn.gov.tongban.medical.statement-issued.v1': components['schemas']['MedicalStatementIssuedV1'];
  'cn.gov.tongban.residence.permit-cancelled.v1': components['schemas']['ResidencePermitCancelledV1'];
  'cn.gov.tongban.residence.permit-endorsed.v1': components['schemas']['ResidencePermitEndorsedV1'];
  'cn.gov.tongban.residence.permit-issued.v1': components['schemas']['ResidencePermitIssuedV1'];
  'cn.gov.tongban.residence.permit-recognised.v1': components['schemas']['ResidencePermitRecognisedV1'];
  'cn.gov.tongban.residence.permit-renewed.v1': components['schemas']['ResidencePermitRenewedV1'];
  'cn.gov.tongban.residence.permit-suspended.v1': components['schemas']['ResidencePermitSuspendedV1'];
  'cn.gov.tongban.social-insurance.certificate-received.v1': components['schemas']['SocialInsuranceCertificateReceivedV1'];
  'cn.gov.tongban.social-insurance.certificate-received.v2': components['schemas']['SocialInsuranceCertificateReceivedV2'];
  'cn.gov.tongban.social-insurance.contact-letter-issued.v1': components['schemas']['SocialInsuranceContactLetterIssuedV1'];
  'cn.gov.tongban.social-insurance.contact-letter-issued.v2': components['schemas']['SocialInsuranceContactLetterIssuedV2'];
  'cn.gov.tongban.social-insurance.contact-letter-issued.v3': components['schemas']['SocialInsuranceContactLetterIssuedV3'];
  'cn.gov.tongban.social-insurance.deadline-changed.v1': components['schemas']['SocialInsuranceDeadlineChangedV1'];
  'cn.gov.tongban.social-insurance.deadline-overdue.v1': components['schemas']['SocialInsuranceDeadlineOverdueV1'];
  'cn.gov.tongban.social-insurance.deadline-overdue.v2': components['schemas']['SocialInsuranceDeadlineOverdueV2'];
  'cn.gov.tongban.social-insurance.deadline-overdue.v3': components['schemas']['SocialInsuranceDeadlineOverdueV3'];
  'cn.gov.tongban.social-insurance.deadline-reminder.v1': components['schemas']['SocialInsuranceDeadlineReminderV1'];
  'cn.gov.tongban.social-insurance.deadline-reminder.v2': components['schemas']['SocialInsuranceDeadlineReminderV2'];
  'cn.gov.tongban.social-insurance.deadline-reminder.v3': components['schemas']['SocialInsuranceDeadlineReminderV3'];
  'cn.gov.tongban.social-insurance.funds-computed.v1': components['schemas']['SocialInsuranceFundsComputedV1'];
  'cn.gov.tongban.social-insurance.funds-computed.v2': components['schemas']['SocialInsuranceFundsComputedV2'];
  'cn.gov.tongban.social-insurance.funds-computed.v3': components['schemas']['SocialInsuranceFundsComputedV3'];
  'cn.gov.tongban.social-insurance.transfer-cancelled.v1': components['schemas']['SocialInsuranceTransferCancelledV1'];
  'cn.gov.tongban.social-insurance.transfer-cancelled.v2': components['schemas']['SocialInsuranceTransferCancelledV2'];
  'cn.gov.tongban.social-insurance.transfer-completed.v1': components['schemas']['SocialInsuranceTransferCompletedV1'];
  'cn.gov.tongban.social-insurance.transfer-received.v1': components['schemas']['SocialInsuranceTransferReceivedV1'];
  'cn.gov.tongban.social-insurance.transfer-refused.v1': components['schemas']['SocialInsuranceTransferRefusedV1'];
  'cn.gov.tongban.social-insurance.transfer-refused.v2': components['schemas']['SocialInsuranceTransferRefusedV2'];
  'cn.gov.tongban.social-insurance.transfer-remitted.v1': components['schemas']['SocialInsuranceTransferRemittedV1'];
  'cn.gov.tongban.social-insurance.transfer-remitted.v2': components['schemas']['SocialInsuranceTransferRemittedV2'];
}
