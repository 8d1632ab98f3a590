-- The operators' filters and search (libs/ops), on the rows of 0190: every queue row also names the
-- catalogue service it concerns (`service_code`: cross-region settlement) and the other ids it can be
-- found by (`refs`: a settlement's own id and its filing, a disputed line's statement, settlement and
-- filing), appended to the view. The item function is recreated: it answers `filing` too (an
-- operator finds a filing by its id), and names the requests that created an item (`request_ids`, from
-- the domain's rows), whose audit entries lie on the collection path.

CREATE OR REPLACE VIEW operator_queue AS
  -- settlements not yet on a clearing statement
  SELECT 'medical-settlements'::text AS queue, 'settlement'::text AS kind, s.treatment_region || ':' || s.settlement_id AS id,
         s.insured_region || '参保 · ' || s.treatment_region || '就医 · ' || s.hospital_code || ' · 待清算' AS title,
         s.subject_ref, ARRAY[s.insured_region::text, s.treatment_region::text] AS regions, s.clearing_month::text AS status,
         s.recorded_at AS waiting_since, NULL::date AS started_on, NULL::date AS due_on, NULL::int AS statutory_working_days,
         NULL::date AS overdue_from, false AS escalated, false AS due_on_provisional,
         'med.cross-region-settlement'::text AS service_code, array_remove(ARRAY[s.settlement_id, s.filing_id::text], NULL) AS refs
    FROM settlements s
   WHERE NOT EXISTS (SELECT 1 FROM statement_lines l WHERE l.treatment_region = s.treatment_region AND l.settlement_id = s.settlement_id)
  UNION ALL
  -- statements waiting for one or both provinces to confirm
  SELECT 'medical-statements', 'statement', st.statement_id::text,
         st.month || ' 清算单 ' || st.insured_province || '↔' || st.treatment_province ||
           CASE WHEN st.insured_confirmed_at IS NULL AND st.treatment_confirmed_at IS NULL THEN ' · 双方待确认'
                WHEN st.insured_confirmed_at IS NULL THEN ' · 参保地待确认' ELSE ' · 就医地待确认' END,
         NULL::text, ARRAY[st.insured_province::text, st.treatment_province::text], st.status,
         st.issued_at, NULL::date, NULL::date, NULL::int, NULL::date, false, false,
         'med.cross-region-settlement', ARRAY[]::text[]
    FROM statements st WHERE st.status = 'issued'
  UNION ALL
  -- disputed lines not yet carried into a later cycle as a correction
  SELECT 'medical-clearing-disputes', 'statement-line', l.line_id::text,
         st.month || ' ' || l.settlement_id || ' · ' || CASE l.disputed_side WHEN 'insured' THEN '参保地' ELSE '就医地' END || '异议: ' || l.dispute_reason,
         s.subject_ref, ARRAY[st.insured_province::text, st.treatment_province::text], l.status,
         l.disputed_at, NULL::date, NULL::date, NULL::int, NULL::date, false, false,
         'med.cross-region-settlement',
         array_remove(ARRAY[l.statement_id::text, l.treatment_region || ':' || l.settlement_id, l.settlement_id, s.filing_id::text], NULL)
    FROM statement_lines l
    JOIN statements st ON st.statement_id = l.statement_id
    JOIN settlements s ON s.treatment_region = l.treatment_region AND s.settlement_id = l.settlement_id
   WHERE l.status = 'disputed'
     AND NOT EXISTS (SELECT 1 FROM statement_lines c WHERE c.corrects_line_id = l.line_id);

DROP FUNCTION operator_item(text, text);
CREATE FUNCTION operator_item(p_kind text, p_id text)
  RETURNS TABLE (title text, subject_ref text, status text, decidable boolean, facts jsonb, history jsonb, audit_paths text[],
                 request_ids text[])
  LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT s.insured_region || '参保 · ' || s.treatment_region || '就医 · ' || s.settlement_id, s.subject_ref, s.clearing_month::text, false,
         jsonb_build_object(
           'treatmentRegion', s.treatment_region, 'settlementId', s.settlement_id, 'insuredRegion', s.insured_region,
           'hospitalCode', s.hospital_code, 'admissionType', s.admission_type, 'totalFen', s.total_fen,
           'fundPaidFen', s.fund_paid_fen, 'clearingMonth', s.clearing_month, 'recordedAt', s.recorded_at),
         jsonb_build_array(jsonb_build_object('schema', 'medical',
           'match', jsonb_build_object('treatmentRegion', s.treatment_region, 'settlementId', s.settlement_id))),
         ARRAY['/v1/ops/items/settlement/' || p_id],
         array_remove(ARRAY[s.request_id], NULL)
    FROM settlements s
   WHERE p_kind = 'settlement' AND p_id ~ '^[0-9]{6}:.{1,200}$'
     AND s.treatment_region = split_part(p_id, ':', 1)::char(6) AND s.settlement_id = substr(p_id, 8)
  UNION ALL
  SELECT st.month || ' 清算单 ' || st.insured_province || '↔' || st.treatment_province, NULL::text, st.status, false,
         jsonb_build_object(
           'month', st.month, 'insuredProvince', st.insured_province, 'treatmentProvince', st.treatment_province,
           'status', st.status, 'issuedAt', st.issued_at, 'insuredConfirmedAt', st.insured_confirmed_at,
           'treatmentConfirmedAt', st.treatment_confirmed_at,
           'lines', (SELECT count(*) FROM statement_lines l WHERE l.statement_id = st.statement_id),
           'disputedLines', (SELECT count(*) FROM statement_lines l WHERE l.statement_id = st.statement_id AND l.status = 'disputed')),
         jsonb_build_array(jsonb_build_object('schema', 'medical', 'match', jsonb_build_object('statementId', st.statement_id))),
         ARRAY['/v1/medical/clearings/' || st.month || '/statements/' || st.statement_id, '/v1/ops/items/statement/' || st.statement_id],
         ARRAY[]::text[]
    FROM statements st
   WHERE p_kind = 'statement'
     AND st.statement_id = CASE WHEN p_id ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$' THEN p_id::uuid END
  UNION ALL
  SELECT st.month || ' 清算单第 ' || l.line_no || ' 行 · ' || l.settlement_id, s.subject_ref, l.status,
         l.status = 'disputed' AND c.line_id IS NULL,
         jsonb_build_object(
           'statementId', l.statement_id, 'month', st.month, 'lineNo', l.line_no, 'treatmentRegion', l.treatment_region,
           'settlementId', l.settlement_id, 'fundPaidFen', l.fund_paid_fen, 'status', l.status, 'disputedSide', l.disputed_side,
           'disputeReason', l.dispute_reason, 'disputedAt', l.disputed_at, 'correctedInLaterCycle', c.line_id IS NOT NULL),
         jsonb_build_array(jsonb_build_object('schema', 'medical', 'match', jsonb_build_object('statementId', l.statement_id))),
         ARRAY['/v1/medical/clearings/' || st.month || '/statements/' || l.statement_id, '/v1/ops/items/statement-line/' || l.line_id],
         ARRAY[]::text[]
    FROM statement_lines l
    JOIN statements st ON st.statement_id = l.statement_id
    JOIN settlements s ON s.treatment_region = l.treatment_region AND s.settlement_id = l.settlement_id
    LEFT JOIN statement_lines c ON c.corrects_line_id = l.line_id
   WHERE p_kind = 'statement-line'
     AND l.line_id = CASE WHEN p_id ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$' THEN p_id::uuid END
  UNION ALL
  SELECT CASE WHEN f.term = 'long-term' THEN '长期' ELSE '临时' END || '异地就医备案 ' || f.insured_region || '→' || f.treatment_region,
         f.subject_ref, f.status, false,
         jsonb_build_object(
           'insuredRegion', f.insured_region, 'treatmentRegion', f.treatment_region, 'category', f.category, 'term', f.term,
           'validFrom', f.valid_from, 'validTo', f.valid_to, 'status', f.status, 'registeredAt', f.registered_at,
           'cancelledAt', f.cancelled_at, 'cancellationReason', f.cancellation_reason,
           'settlements', (SELECT count(*) FROM settlements s WHERE s.filing_id = f.filing_id)),
         jsonb_build_array(jsonb_build_object('schema', 'medical', 'match', jsonb_build_object('filingId', f.filing_id))),
         ARRAY['/v1/medical/filings/' || f.filing_id, '/v1/ops/items/filing/' || f.filing_id],
         array_remove(ARRAY[f.request_id], NULL)
    FROM filings f
   WHERE p_kind = 'filing'
     AND f.filing_id = CASE WHEN p_id ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$' THEN p_id::uuid END;
END;
