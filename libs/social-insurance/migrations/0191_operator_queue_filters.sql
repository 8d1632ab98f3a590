-- The operators' filters and search (libs/ops): the queue rows of 0190 with the catalogue service a
-- transfer carries over (`service_code`: the employee pension or medical insurance) and no other ids
-- (`refs`), appended to the view.
CREATE OR REPLACE VIEW operator_queue AS
  SELECT CASE t.state WHEN 'applied' THEN 'si-transfers-contact-letter' WHEN 'requested' THEN 'si-transfers-certificate'
                      WHEN 'certified' THEN 'si-transfers-remittance' ELSE 'si-transfers-receipt' END AS queue,
         'transfer'::text AS kind, t.transfer_id::text AS id,
         CASE t.insurance_type WHEN 'pension' THEN '养老保险' ELSE '医疗保险' END || ' ' || t.outbound_region || '→' || t.inbound_region
           || CASE t.state WHEN 'applied' THEN ' · 待转入地审核并发出联系函' WHEN 'requested' THEN ' · 待出具参保缴费凭证' WHEN 'certified' THEN ' · 待转移基金' ELSE ' · 待转入地确认接收' END AS title,
         t.subject_ref, ARRAY[t.outbound_region::text, t.inbound_region::text] AS regions, t.state || '/' || t.clock_party AS status,
         (t.clock_started_on::timestamp AT TIME ZONE 'Asia/Shanghai') AS waiting_since, t.clock_started_on AS started_on,
         t.due_on, t.clock_working_days AS statutory_working_days,
         least(t.overdue_since, t.due_on + 1) AS overdue_from, false AS escalated, t.due_on_provisional,
         CASE t.insurance_type WHEN 'pension' THEN 'elder.employee-pension' ELSE 'med.employee-medical-insurance' END AS service_code,
         ARRAY[]::text[] AS refs
    FROM transfers t WHERE t.state IN ('applied', 'requested', 'certified', 'remitted');

-- The item pages also name the requests that created or changed an item, from the domain's own rows
-- (`request_ids`): a creating POST is audited on the collection path, before the item had an id, and
-- the console finds its audit entry by request id. A new output column: the function is recreated.
DROP FUNCTION operator_item(text, text);
CREATE FUNCTION operator_item(p_kind text, p_id text)
  RETURNS TABLE (title text, subject_ref text, status text, decidable boolean, facts jsonb, history jsonb, audit_paths text[],
                 request_ids text[])
  LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT CASE t.insurance_type WHEN 'pension' THEN '养老保险' ELSE '医疗保险' END || ' ' || t.outbound_region || '→' || t.inbound_region,
         t.subject_ref, t.state, false,
         jsonb_build_object(
           'insuranceType', t.insurance_type, 'outboundRegion', t.outbound_region, 'inboundRegion', t.inbound_region,
           'hukouRegion', t.hukou_region, 'state', t.state, 'awaitingParty', t.clock_party, 'clockStartedOn', t.clock_started_on,
           'statutoryWorkingDays', t.clock_working_days, 'dueOn', t.due_on, 'dueOnProvisional', t.due_on_provisional,
           'overdueSince', t.overdue_since,
           'transferFen', t.transfer_fen, 'appliedOn', t.applied_on, 'contactLetterOn', t.contact_letter_on,
           'duplicateMonthsKept', t.duplicate_months_kept, 'createdAt', t.created_at, 'updatedAt', t.updated_at),
         jsonb_build_array(jsonb_build_object('schema', 'social_insurance', 'match', jsonb_build_object('transferId', t.transfer_id))),
         ARRAY['/v1/social-insurance/transfers/' || t.transfer_id, '/v1/ops/items/transfer/' || t.transfer_id],
         ARRAY(SELECT DISTINCT x.request_id FROM (SELECT t.request_id UNION ALL SELECT s.request_id FROM transfer_steps s WHERE s.transfer_id = t.transfer_id) x WHERE x.request_id IS NOT NULL ORDER BY 1)
    FROM transfers t
   WHERE p_kind = 'transfer'
     AND t.transfer_id = CASE WHEN p_id ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$' THEN p_id::uuid END;
END;
