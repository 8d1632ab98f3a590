#!/usr/bin/env bash
# Every test, in order of cost: contracts (generated types fresh, documents valid), types, lint,
# unit tests, then integration tests against the real Kafka broker and PostgreSQL that Jest's
# global setup starts (or DATABASE_URL / KAFKA_BROKERS when set). Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$*"; }

step "contracts: generated types are fresh";   npm run --silent contracts:check
step "contracts: OpenAPI and AsyncAPI lint";   npm run --silent contracts:lint
step "type check (strict)";                     npm run --silent typecheck
step "lint (typescript-eslint)";                npm run --silent lint
step "unit tests";                              npx jest --selectProjects unit
step "integration tests (real Kafka + PostgreSQL)"; npx jest --selectProjects integration --runInBand
