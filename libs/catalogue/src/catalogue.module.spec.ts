import { liveView, loadServiceCatalogue, ServiceCatalogue } from '@tongban/catalogue';

describe('liveView (what the ledger is injected with)', () => {
  it('reads the version in force at each call, and is still a ServiceCatalogue', () => {
    const v1 = loadServiceCatalogue();
    const v2 = Object.create(v1) as ServiceCatalogue;
    Object.defineProperty(v2, 'version', { value: 2 });
    let current = v1;
    const live = liveView(ServiceCatalogue.prototype, () => current);
    expect(live).toBeInstanceOf(ServiceCatalogue);
    expect(live.version).toBe(1);
    expect(live.get('edu.compulsory').basis).toBe('residence-permit');
    current = v2;
    expect(live.version).toBe(2);
    expect(live.has('edu.compulsory')).toBe(true);
  });
});
