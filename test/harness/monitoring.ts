import * as fs from 'node:fs';
import { parse } from 'yaml';
import { repoPath } from '@tongban/config';

/** Metric names an expression uses: ours, Node's and the process's (`up` and PromQL words are not). */
export function metricNamesIn(expr: string): string[] {
  return [...new Set(expr.match(/\b(?:tongban|nodejs|process)_[a-z0-9_]+\b/g) ?? [])];
}

/** Every PromQL expression of the Grafana dashboard (panels and template variables) and of the alert rules. */
export function monitoringExpressions(): Array<{ where: string; expr: string }> {
  const dashboard = JSON.parse(fs.readFileSync(repoPath('deploy/observability/grafana-dashboard.json'), 'utf8')) as {
    panels: Array<{ title: string; targets?: Array<{ expr: string }> }>;
    templating: { list: Array<{ name: string; definition?: string }> };
  };
  const rules = parse(fs.readFileSync(repoPath('deploy/observability/tongban.rules.yml'), 'utf8')) as {
    groups: Array<{ rules: Array<{ alert: string; expr: string }> }>;
  };
  return [
    ...dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => ({ where: `dashboard panel "${p.title}"`, expr: t.expr }))),
    ...dashboard.templating.list.filter((v) => v.definition).map((v) => ({ where: `dashboard variable ${v.name}`, expr: v.definition! })),
    ...rules.groups.flatMap((g) => g.rules.map((r) => ({ where: `alert ${r.alert}`, expr: r.expr }))),
  ];
}

/** The sample names a Prometheus exposition offers (a histogram's _bucket, _sum and _count), from its TYPE lines. */
export function exposedNames(exposition: string): Set<string> {
  const names = new Set<string>();
  for (const [, name, type] of exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    names.add(name);
    if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(name + suffix);
    if (type === 'summary') for (const suffix of ['_sum', '_count']) names.add(name + suffix);
  }
  return names;
}

/** Expressions that use a metric no registry exposes, as "where: name". */
export function unknownMetrics(exposed: Set<string>): string[] {
  return monitoringExpressions().flatMap(({ where, expr }) =>
    metricNamesIn(expr)
      .filter((n) => !exposed.has(n))
      .map((n) => `${where}: ${n}`),
  );
}
