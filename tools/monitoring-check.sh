#!/usr/bin/env bash
# Checks deploy/observability with Prometheus' own tool (promtool, Debian package `prometheus`): the
# scrape configuration, the alert rules and their unit tests (tongban.rules.test.yml); then that the
# dashboard and the rules name only metrics the registries define (tools/monitoring.spec.ts).
# The scrape of a running app is checked by `promtool check metrics` in test/integration/monitoring.test.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v promtool >/dev/null 2>&1; then
  echo "monitoring-check: promtool not found; install it with: apt-get install prometheus" >&2
  exit 1
fi
promtool --version 2>&1 | sed -n 1p
promtool check config deploy/observability/prometheus.yml
promtool check rules deploy/observability/tongban.rules.yml
promtool test rules deploy/observability/tongban.rules.test.yml
if ! out=$(npx jest --selectProjects unit --testPathPattern 'tools/monitoring\.spec' 2>&1); then
  printf '%s\n' "$out" >&2
  echo "monitoring-check: the dashboard or the rules name a metric no registry defines" >&2
  exit 1
fi
printf '%s\n' "$out" | grep -E '^(Tests|Test Suites):'
