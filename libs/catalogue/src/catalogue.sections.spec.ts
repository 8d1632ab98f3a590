import { caughtDomainError, ErrorCode } from '@tongban/errors';
import catalogueV1 from '../data/service-catalogue.v1.json';
import {
  assertEvidence,
  loadServiceCatalogue,
  parseServiceCatalogue,
  requiredServiceEvidence,
  requiredTransferEvidence,
  RESIDENCE_BASES,
  SERVICE_CATEGORIES,
  SERVICE_DOMAINS,
} from '@tongban/catalogue';

type Doc = Record<string, unknown> & {
  items: Array<Record<string, unknown>>;
  categories: Array<{ code: string; domain: string; nameZh: string; items: string[] }>;
  evidence: {
    kinds: Array<Record<string, unknown>>;
    services: Array<Record<string, unknown>>;
    transfers: Array<Record<string, unknown>>;
  };
};
const copy = (): Doc => JSON.parse(JSON.stringify(catalogueV1)) as Doc;
const refusal = (doc: unknown) => caughtDomainError(() => parseServiceCatalogue(doc, 'test'));

describe('the 22 categories of the national standard (seed 001)', () => {
  const catalogue = loadServiceCatalogue();

  it('lists exactly the 22 categories, 9 domains, with the standard names', () => {
    expect(catalogue.categories()).toHaveLength(22);
    expect(Object.keys(SERVICE_CATEGORIES)).toHaveLength(22);
    expect(new Set(catalogue.categories().map((c) => c.domain))).toEqual(new Set(SERVICE_DOMAINS));
    const byDomain = (d: string) =>
      catalogue
        .categories()
        .filter((c) => c.domain === d)
        .map((c) => c.nameZh);
    expect(byDomain('childcare')).toEqual(['优孕优生服务', '儿童健康服务', '儿童关爱服务']);
    expect(byDomain('education')).toEqual(['学前教育助学服务', '义务教育服务', '普通高中助学服务', '中等职业教育助学服务']);
    expect(byDomain('employment')).toEqual(['就业创业服务', '工伤失业保险服务']);
    expect(byDomain('medical')).toEqual(['公共卫生服务', '医疗保险服务', '计划生育扶助服务']);
    expect(byDomain('elderly')).toEqual(['养老助老服务', '养老保险服务']);
    expect(byDomain('housing')).toEqual(['公租房服务', '住房改造服务']);
    expect(byDomain('assistance')).toEqual(['社会救助服务', '公共法律服务', '扶残助残服务']);
    expect(byDomain('veterans')).toEqual(['优军优抚服务']);
    expect(byDomain('culture-sports')).toEqual(['公共文化服务', '公共体育服务']);
  });

  it.each(catalogue.all().map((i) => [i.code, i.domain] as const))('%s is in exactly one category, of its domain', (code, domain) => {
    const holding = catalogue.categories().filter((c) => c.items.includes(code));
    expect(holding).toHaveLength(1);
    expect(holding[0].domain).toBe(domain);
    expect(catalogue.categoryOf(code)).toBe(holding[0]);
  });

  it('an empty category says why (no seed names its items)', () => {
    for (const c of catalogue.categories().filter((x) => x.items.length === 0)) expect(c.note).toMatch(/unknown|none is added/);
  });

  it('refuses an item in no category, an item in two, an unknown or renamed category, a missing one, a domain mismatch', () => {
    let doc = copy();
    doc.categories[2].items = doc.categories[2].items.filter((c) => c !== 'childcare.nursery');
    expect(refusal(doc)).toMatchObject({
      code: ErrorCode.ValidationFailed,
      detail: expect.stringMatching(/childcare\.nursery are in no category/),
    });

    doc = copy();
    doc.categories[0].items.push('childcare.nursery');
    expect(refusal(doc).detail).toMatch(/already in category 'childcare\.child-care'|is already in category/);

    doc = copy();
    doc.categories[0].code = 'childcare.invented';
    expect(refusal(doc).detail).toMatch(/not one of the 22 categories/);

    doc = copy();
    doc.categories[0].nameZh = '优生服务';
    expect(refusal(doc).extensions).toMatchObject({ pointer: '/categories/0' });

    doc = copy();
    doc.categories[3].items.push('emp.entrepreneurship');
    doc.categories = doc.categories.map((c) =>
      c.code === 'employment.jobs-entrepreneurship' ? { ...c, items: c.items.filter((i) => i !== 'emp.entrepreneurship') } : c,
    );
    expect(refusal(doc).detail).toMatch(/of domain employment, the category of education/);

    doc = copy();
    doc.categories = doc.categories.slice(1);
    expect(refusal(doc).detail).toMatch(/must NOT have fewer than 22 items/);
  });
});

describe('evidence (统一证明材料要求, seed 000 （十二）)', () => {
  const catalogue = loadServiceCatalogue();

  it('every residence-permit item requires the permit when provided at the residence place; nothing else asks for a permit', () => {
    for (const item of catalogue.all()) {
      const entry = catalogue.evidenceFor(item.code);
      if (item.basis === 'residence-permit') expect(entry).toMatchObject({ kinds: ['residence-permit'], appliesTo: 'residence-place' });
      else expect(entry).toBeUndefined();
    }
    expect(RESIDENCE_BASES).toContain('residence-permit');
  });

  it('temporary assistance (000-六) and the employment services an ID card suffices for (004-三) require no evidence', () => {
    expect(requiredServiceEvidence(catalogue, 'assist.temporary', true)).toEqual([]);
    expect(requiredServiceEvidence(catalogue, 'emp.public-employment-service', true)).toEqual([]);
  });

  it('the hukou region needs no residence permit; another region does', () => {
    expect(requiredServiceEvidence(catalogue, 'edu.compulsory', false)).toEqual([]);
    expect(requiredServiceEvidence(catalogue, 'edu.compulsory', true)).toEqual(['residence-permit']);
  });

  it('pension transfers: the written application (66号 第八条（一）) and the contribution certificate (第三条); medical: none sourced', () => {
    expect(requiredTransferEvidence(catalogue, 'pension', 'request')).toEqual(['transfer-application']);
    expect(requiredTransferEvidence(catalogue, 'pension', 'certificate')).toEqual(['contribution-certificate']);
    expect(requiredTransferEvidence(catalogue, 'medical', 'request')).toEqual([]);
    expect(catalogue.evidenceKinds().map((k) => [k.code, k.verified])).toEqual([
      ['residence-permit', true],
      ['transfer-application', true],
      ['contribution-certificate', true],
    ]);
  });

  it('assertEvidence refuses a missing kind naming it and the clause, and a malformed reference naming the field', () => {
    const e = caughtDomainError(() => assertEvidence(['residence-permit'], [], 'a claim of edu.compulsory'));
    expect(e).toMatchObject({
      code: ErrorCode.RuleViolated,
      extensions: { rule: 'evidence-required', clause: '000-十二', missing: ['residence-permit'], errors: [{ field: '/body/evidence' }] },
    });
    expect(() => assertEvidence(['residence-permit'], [{ kind: 'residence-permit', reference: 'P-2026-001' }], 'x')).not.toThrow();
    const bad = caughtDomainError(() => assertEvidence([], [{ kind: 'residence-permit', reference: 'has space' }], 'x'));
    expect(bad).toMatchObject({ code: ErrorCode.ValidationFailed, extensions: { errors: [{ field: '/body/evidence/0/reference' }] } });
  });

  it('refuses evidence naming an unknown kind, an unknown service, a residence-place rule on a non-residence item, a step twice', () => {
    let doc = copy();
    doc.evidence.services[0].kinds = ['birth-certificate'];
    expect(refusal(doc).detail).toMatch(/evidence kind 'birth-certificate' is not in \/evidence\/kinds/);

    doc = copy();
    doc.evidence.services[0].service = 'edu.invented';
    expect(refusal(doc).detail).toMatch(/'edu.invented' is not in the catalogue/);

    doc = copy();
    doc.evidence.services.push({
      service: 'assist.temporary',
      kinds: ['residence-permit'],
      appliesTo: 'residence-place',
      seedRefs: [{ seed: '000', clause: '六' }],
    });
    expect(refusal(doc).detail).toMatch(/basis 'emergency': only a residence-based item/);

    doc = copy();
    doc.evidence.transfers.push({ ...doc.evidence.transfers[0] });
    expect(refusal(doc).detail).toMatch(/the pension step 'request' is listed twice/);

    // only the steps whose requests carry references (the transfer request and the certificate) can require them
    doc = copy();
    doc.evidence.transfers.push({ insuranceType: 'pension', step: 'contact-letter', kinds: ['transfer-application'], source: 'x' });
    const e = refusal(doc);
    expect(e).toMatchObject({ code: ErrorCode.ValidationFailed, extensions: { pointer: '/evidence/transfers/2/step' } });
  });
});
