-- One move, one case (0193): the operators' queue of unanswered proposals shows one row per case with
-- its services (the row's refs name them and the handoffs, so filtering by service or searching by a
-- handoff id finds the case); a disputed handoff stays a row of its own, decided per service. The view
-- is restated whole, the rows other than the ledger's handoffs as in 0191; a case is an item kind.
CREATE OR REPLACE VIEW operator_queue AS
  SELECT 'ledger-handoffs'::text AS queue, 'handoff-case'::text AS kind, c.case_id::text AS id,
         count(*) || ' 项服务 ' || c.from_region || '→' || c.to_region || ' · 待接收地答复: ' || string_agg(h.service_code, ', ' ORDER BY h.service_code) AS title,
         c.subject_ref, ARRAY[c.from_region::text, c.to_region::text] AS regions, 'proposed'::text AS status,
         c.proposed_at AS waiting_since, c.proposed_on AS started_on, min(h.deadline) AS due_on, NULL::int AS statutory_working_days,
         min(h.deadline) + 1 AS overdue_from, bool_or(h.escalated_at IS NOT NULL) AS escalated, bool_or(h.deadline_provisional) AS due_on_provisional,
         CASE WHEN count(*) = 1 THEN min(h.service_code) END AS service_code,
         array_agg(h.service_code::text ORDER BY h.service_code) || array_agg(h.handoff_id::text ORDER BY h.service_code) AS refs
    FROM handoff_cases c JOIN handoffs h ON h.subject_ref = c.subject_ref AND h.case_id = c.case_id
   WHERE h.status = 'proposed'
   GROUP BY c.subject_ref, c.case_id
  UNION ALL
  SELECT 'ledger-disputes', 'handoff', h.handoff_id::text,
         h.service_code || ' ' || h.from_region || '→' || h.to_region || ' · 转出地异议: ' || coalesce(h.answer_reason, ''),
         h.subject_ref, ARRAY[h.from_region::text, h.to_region::text], h.status,
         coalesce(h.answered_at, h.proposed_at), h.proposed_on, h.deadline, NULL::int,
         h.deadline + 1, false, h.deadline_provisional,
         h.service_code::text, ARRAY[h.case_id::text]
    FROM handoffs h WHERE h.status = 'disputed'
  UNION ALL
  SELECT 'ledger-fact-disputes', 'fact-change', f.change_id::text,
         f.kind || coalesce(' ' || f.branch, '') || ' ' || f.from_region || '→' || f.to_region || ' · 转出地异议: ' || coalesce(f.objection_reason, ''),
         f.subject_ref, ARRAY[f.from_region::text, f.to_region::text], f.status,
         coalesce(f.objected_at, f.stated_at), (f.stated_at AT TIME ZONE 'Asia/Shanghai')::date, f.objection_deadline, NULL::int,
         NULL::date, false, f.objection_deadline_provisional,
         NULL::text, ARRAY[]::text[]
    FROM fact_changes f WHERE f.status = 'disputed'
  UNION ALL
  SELECT 'ledger-gaps', 'gap', g.gap_id::text, g.service_code || ' ' || g.period_key || ' · 期间结束无人申领',
         g.subject_ref, ARRAY[g.region::text], 'open', g.detected_at, g.period_end, NULL::date, NULL::int,
         NULL::date, false, false,
         g.service_code::text, ARRAY[]::text[]
    FROM gaps g WHERE g.resolved_at IS NULL
  UNION ALL
  SELECT 'ledger-reconciliation', 'reconciliation-item', i.reconciliation_id::text || ':' || i.item_no,
         CASE i.kind WHEN 'overlap' THEN '重复提供' WHEN 'gap' THEN '漏提供' ELSE '无法匹配' END || ' ' || i.service_code || ' ' || i.period_key,
         i.subject_ref, ARRAY[r.region::text] || i.other_regions, i.kind,
         coalesce(r.completed_at, r.created_at), NULL::date, NULL::date, NULL::int,
         NULL::date, false, false,
         i.service_code::text, ARRAY[i.reconciliation_id::text]
    FROM reconciliation_items i JOIN reconciliations r USING (reconciliation_id);


DROP FUNCTION operator_item(text, text);
CREATE FUNCTION operator_item(p_kind text, p_id text)
  RETURNS TABLE (title text, subject_ref text, status text, decidable boolean, facts jsonb, history jsonb, audit_paths text[],
                 request_ids text[])
  LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT h.service_code || ' ' || h.from_region || '→' || h.to_region, h.subject_ref, h.status, false,
         jsonb_build_object(
           'serviceCode', h.service_code, 'fromRegion', h.from_region, 'toRegion', h.to_region, 'status', h.status,
           'reason', h.reason, 'proposedOn', h.proposed_on, 'deadline', h.deadline, 'deadlineProvisional', h.deadline_provisional,
           'escalatedAt', h.escalated_at,
           'answeredAt', h.answered_at, 'answerReason', h.answer_reason,
           'decideWith', CASE WHEN h.status = 'disputed' OR (h.status = 'proposed' AND h.escalated_at IS NOT NULL)
                              THEN 'POST /v1/handoffs/' || h.handoff_id || '/decision' END),
         jsonb_build_array(jsonb_build_object('schema', 'ledger', 'match', jsonb_build_object('handoffId', h.handoff_id))),
         ARRAY['/v1/handoffs/' || h.handoff_id, '/v1/ops/items/handoff/' || h.handoff_id],
         ARRAY[]::text[]
    FROM handoffs h
   WHERE p_kind = 'handoff'
     AND h.handoff_id = CASE WHEN p_id ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$' THEN p_id::uuid END
  UNION ALL
  SELECT count(*) || ' 项服务 ' || c.from_region || '→' || c.to_region, c.subject_ref,
         CASE WHEN bool_or(h.status IN ('proposed', 'disputed')) THEN 'open' ELSE 'closed' END, false,
         jsonb_build_object(
           'fromRegion', c.from_region, 'toRegion', c.to_region, 'reason', c.reason, 'proposedOn', c.proposed_on,
           'deadline', min(h.deadline), 'deadlineProvisional', bool_or(h.deadline_provisional), 'escalatedAt', min(h.escalated_at),
           'services', string_agg(h.service_code || ' ' || h.status, ', ' ORDER BY h.service_code),
           'answerWith', 'POST /v1/handoff-cases/' || c.case_id || '/accept|reject|object'),
         jsonb_build_array(jsonb_build_object('schema', 'ledger', 'match', jsonb_build_object('caseId', c.case_id))),
         ARRAY['/v1/handoff-cases/' || c.case_id, '/v1/ops/items/handoff-case/' || c.case_id],
         ARRAY[]::text[]
    FROM handoff_cases c JOIN handoffs h ON h.subject_ref = c.subject_ref AND h.case_id = c.case_id
   WHERE p_kind = 'handoff-case'
     AND c.case_id = CASE WHEN p_id ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$' THEN p_id::uuid END
   GROUP BY c.subject_ref, c.case_id
  UNION ALL
  SELECT f.kind || coalesce(' ' || f.branch, '') || ' ' || f.from_region || '→' || f.to_region, f.subject_ref, f.status, false,
         jsonb_build_object(
           'kind', f.kind, 'branch', f.branch, 'fromRegion', f.from_region, 'toRegion', f.to_region, 'effectiveOn', f.effective_on,
           'objectionDeadline', f.objection_deadline, 'objectionDeadlineProvisional', f.objection_deadline_provisional, 'objectionReason', f.objection_reason, 'decision', f.decision, 'note', f.note,
           'decideWith', 'POST /v1/fact-changes/' || f.change_id || '/decision'),
         jsonb_build_array(jsonb_build_object('schema', 'ledger', 'match', jsonb_build_object('changeId', f.change_id))),
         ARRAY['/v1/fact-changes/' || f.change_id],
         array_remove(ARRAY[f.request_id], NULL)
    FROM fact_changes f
   WHERE p_kind = 'fact-change'
     AND f.change_id = CASE WHEN p_id ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$' THEN p_id::uuid END
  UNION ALL
  SELECT g.service_code || ' ' || g.period_key, g.subject_ref, CASE WHEN g.resolved_at IS NULL THEN 'open' ELSE 'resolved' END,
         g.resolved_at IS NULL,
         jsonb_build_object(
           'serviceCode', g.service_code, 'periodKey', g.period_key, 'region', g.region, 'periodEnd', g.period_end,
           'detectedAt', g.detected_at, 'resolvedAt', g.resolved_at),
         jsonb_build_array(jsonb_build_object('schema', 'ledger', 'match', jsonb_build_object('gapId', g.gap_id))),
         ARRAY['/v1/ops/items/gap/' || g.gap_id],
         ARRAY[]::text[]
    FROM gaps g
   WHERE p_kind = 'gap'
     AND g.gap_id = CASE WHEN p_id ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$' THEN p_id::uuid END
  UNION ALL
  SELECT i.kind || ' ' || i.service_code || ' ' || i.period_key, i.subject_ref, i.kind, true,
         jsonb_build_object(
           'reconciliationId', i.reconciliation_id, 'itemNo', i.item_no, 'finding', i.kind, 'serviceCode', i.service_code,
           'periodKey', i.period_key, 'uploadingRegion', r.region, 'otherRegions', array_to_string(i.other_regions, ','),
           'lineNo', i.line_no, 'uploadedAt', r.created_at),
         jsonb_build_array(jsonb_build_object('schema', 'ledger', 'match', jsonb_build_object('reconciliationId', i.reconciliation_id))),
         ARRAY['/v1/reconciliations/' || i.reconciliation_id, '/v1/ops/items/reconciliation-item/' || p_id],
         array_remove(ARRAY[r.request_id], NULL)
    FROM reconciliation_items i JOIN reconciliations r USING (reconciliation_id)
   WHERE p_kind = 'reconciliation-item'
     AND (i.reconciliation_id, i.item_no) = (
           SELECT CASE WHEN m[1] IS NOT NULL THEN m[1]::uuid END, CASE WHEN m[2] IS NOT NULL THEN m[2]::bigint END
             FROM regexp_match(p_id, '^([0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}):([0-9]{1,18})$') AS m);
END;
