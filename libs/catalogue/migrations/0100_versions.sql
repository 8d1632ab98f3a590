-- The service catalogue and the city policies (一城一策) as managed, versioned data. The bundled
-- documents (libs/catalogue/data/*.v1.json) are stored as version 1 at the first boot; operators
-- publish later versions (POST /v1/ops/catalogue/versions, /v1/ops/city-policies/versions), each
-- effective from a day. The version in force on a day is the highest one effective by then.

CREATE TABLE catalogue_versions (
  version        integer PRIMARY KEY CHECK (version >= 1),
  effective_from date NOT NULL,
  document       jsonb NOT NULL CHECK (jsonb_typeof(document) = 'object'),
  checksum       text NOT NULL,
  origin         text NOT NULL CHECK (origin IN ('bundled', 'published')),
  published_at   timestamptz NOT NULL DEFAULT now(),
  published_by   text NOT NULL,
  note           text,
  CONSTRAINT catalogue_versions_document_version CHECK ((document ->> 'version')::integer = version)
);

CREATE TABLE city_policy_versions (
  version           integer PRIMARY KEY CHECK (version >= 1),
  catalogue_version integer NOT NULL REFERENCES catalogue_versions (version),
  effective_from    date NOT NULL,
  document          jsonb NOT NULL CHECK (jsonb_typeof(document) = 'object'),
  checksum          text NOT NULL,
  origin            text NOT NULL CHECK (origin IN ('bundled', 'published')),
  published_at      timestamptz NOT NULL DEFAULT now(),
  published_by      text NOT NULL,
  note              text,
  CONSTRAINT city_policy_versions_document_version CHECK ((document ->> 'version')::integer = version),
  CONSTRAINT city_policy_versions_catalogue_version CHECK ((document ->> 'catalogueVersion')::integer = catalogue_version)
);

-- Versions are appended in order: the next number, effective no earlier than any version before it (so
-- "the highest version effective by a day" never skips back). A published version never changes; a
-- bundled one is the build's data and is refreshed in place when a build corrects it.
CREATE FUNCTION versions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  latest record;
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION '% version % cannot be deleted', TG_TABLE_NAME, OLD.version USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF OLD.origin <> 'bundled' OR NEW.origin <> 'bundled' OR NEW.version <> OLD.version OR NEW.effective_from <> OLD.effective_from THEN
      RAISE EXCEPTION '% version % is published and never changes; publish a new version', TG_TABLE_NAME, OLD.version
        USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  EXECUTE format('SELECT max(version) AS version, max(effective_from) AS effective_from FROM %I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME)
    INTO latest;
  IF NEW.version <> coalesce(latest.version, 0) + 1 THEN
    RAISE EXCEPTION '% version % is not the next version (%)', TG_TABLE_NAME, NEW.version, coalesce(latest.version, 0) + 1
      USING ERRCODE = 'check_violation';
  END IF;
  IF latest.effective_from IS NOT NULL AND NEW.effective_from < latest.effective_from THEN
    RAISE EXCEPTION '% version % would be effective from %, before version % (%)', TG_TABLE_NAME, NEW.version,
      NEW.effective_from, latest.version, latest.effective_from USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER catalogue_versions_append_only BEFORE INSERT OR UPDATE OR DELETE ON catalogue_versions
  FOR EACH ROW EXECUTE FUNCTION versions_append_only();
CREATE TRIGGER city_policy_versions_append_only BEFORE INSERT OR UPDATE OR DELETE ON city_policy_versions
  FOR EACH ROW EXECUTE FUNCTION versions_append_only();
