-- The interval triggers run a few keyed statements per row (a permit writes ~33 intervals). On the
-- partitioned tables (0192) PostgreSQL's default plan choice keeps re-planning them with partition
-- pruning on every call, because a generic plan's estimate counts every partition; a generic plan
-- prunes at run time instead and is planned once per session. Measured with pgbench on 20,000 people:
-- a person's registration (33 intervals) ~70 → ~110 per second on one connection.
ALTER FUNCTION responsibilities_contiguous() SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION responsibilities_keep_claims() SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION provision_claims_held() SET plan_cache_mode = force_generic_plan;
