import { Metrics } from '@tongban/metrics';
import { exposedNames, metricNamesIn, monitoringExpressions, unknownMetrics } from '../test/harness/monitoring';
import { Supervisor } from './supervisor';

/**
 * The Grafana dashboard and the alert rules name only metrics the registries define: an app's (every
 * app builds the same registry; test/integration/monitoring.test.ts checks the same against real
 * scrapes) and the local supervisor's restart counter.
 */
describe('the dashboard and the alert rules', () => {
  it('use only metric names the registries expose', async () => {
    const supervisor = new Supervisor({ log: () => undefined });
    const port = await supervisor.serveMetrics(0);
    try {
      const exposition =
        (await new Metrics('check').registry.metrics()) + (await fetch(`http://127.0.0.1:${port}/metrics`).then((r) => r.text()));
      const exposed = exposedNames(exposition);
      expect(exposed.has('tongban_queue_items')).toBe(true);
      expect(unknownMetrics(exposed)).toEqual([]);
    } finally {
      await supervisor.stop([]);
    }
  });

  it('finds the names in PromQL (so the check above can fail)', () => {
    expect(metricNamesIn('max by (queue) (tongban_overdue_items{app=~"$app"}) > 0 or up == 0')).toEqual(['tongban_overdue_items']);
    const all = monitoringExpressions();
    expect(all.length).toBeGreaterThan(30);
    expect(unknownMetrics(new Set())).toContain('alert TongbanOverdueItems: tongban_overdue_items');
  });
});
