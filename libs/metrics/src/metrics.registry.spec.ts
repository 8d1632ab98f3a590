import { metrics, nameProcess } from './metrics.registry';

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
