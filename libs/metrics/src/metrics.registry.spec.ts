import { Metrics, metrics, nameProcess } from './metrics.registry';

describe('the process metrics', () => {
  it('labels every series with the app that runs in the process, the first one named', async () => {
    metrics().eventsProduced.inc({ type: 'x' });
    nameProcess('residence-permit');
    nameProcess('gateway');
    const text = await metrics().registry.metrics();
    expect(text).toMatch(/tongban_events_produced_total\{type="x",app="residence-permit"\} 1/);
    expect(text).not.toMatch(/app="(tongban|gateway)"/);
  });
});

describe('the exposition', () => {
  it('names no gauge or histogram *_total (promtool check metrics refuses prom-client’s default *_total gauges)', async () => {
    const text = await new Metrics('check').registry.metrics();
    const types = [...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map(([, name, type]) => ({ name, type }));
    expect(types.length).toBeGreaterThan(20);
    expect(types.filter((t) => t.name.endsWith('_total') !== (t.type === 'counter')).map((t) => `${t.name} (${t.type})`)).toEqual([]);
  });
});
