import * as fs from 'node:fs';
import * as path from 'node:path';
import { caughtDomainError, ErrorCode } from '@tongban/errors';
import { agencyKinds, isAgencyKind } from '@tongban/identity';
import catalogueV1 from '../data/service-catalogue.v1.json';
import {
  INSURANCE_BRANCHES,
  PERIODICITIES,
  SERVICE_BASES,
  SERVICE_CATALOGUE_SCHEMA,
  SERVICE_DOMAINS,
  ServiceCatalogue,
  TRANSFER_EVIDENCE_STEPS,
  formatSeedRef,
  loadServiceCatalogue,
  parseChineseNumeral,
  parseServiceCatalogue,
  seedRefProblem,
} from '@tongban/catalogue';

/** A deep copy of the bundled document, for mutation in rejection tests. */
function bundledCopy(): { items: Record<string, unknown>[]; domains: Record<string, unknown>[] } & Record<string, unknown> {
  return JSON.parse(JSON.stringify(catalogueV1)) as ReturnType<typeof bundledCopy>;
}

describe('service catalogue v1 (bundled data)', () => {
  const catalogue = loadServiceCatalogue();
  const items = catalogue.all();

  it('loads, with version 1 and one shared immutable instance', () => {
    expect(catalogue).toBeInstanceOf(ServiceCatalogue);
    expect(catalogue.version).toBe(1);
    expect(loadServiceCatalogue()).toBe(catalogue);
    expect(items.length).toBeGreaterThanOrEqual(30);
    expect(Object.isFrozen(items)).toBe(true);
    expect(Object.isFrozen(items[0])).toBe(true);
    expect(Object.isFrozen(items[0].seedRefs)).toBe(true);
  });

  it('has unique codes', () => {
    const codes = catalogueV1.items.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(catalogue.codes()).toEqual(codes);
  });

  it.each(items.map((i) => [i.code, i] as const))('%s has a valid domain, basis, periodicity and cited clauses', (_code, item) => {
    expect(SERVICE_DOMAINS).toContain(item.domain);
    expect(SERVICE_BASES).toContain(item.basis);
    expect(PERIODICITIES).toContain(item.periodicity);
    expect(typeof item.entitlementNeedsClaimPerPeriod).toBe('boolean');
    expect(item.seedRefs.length).toBeGreaterThanOrEqual(1);
    for (const ref of item.seedRefs) expect(seedRefProblem(ref)).toBeUndefined();
    expect(item.officialItemNo).toBeNull();
    expect(item.nameZh).toMatch(/\p{Script=Han}/u);
    expect(item.nameEn.length).toBeGreaterThan(0);
  });

  it('covers every one of the 9 domains', () => {
    for (const d of SERVICE_DOMAINS) expect(catalogue.byDomain(d).length).toBeGreaterThan(0);
    expect(catalogue.domain('education').nameZh).toBe('学有所教');
    expect(catalogue.domain('culture-sports').nameZh).toBe('文体服务保障');
  });

  it('covers the items the gateway must handle', () => {
    const required = [
      'edu.compulsory',
      'edu.preschool',
      'edu.high-school',
      'edu.entrance-exam',
      'housing.public-rental',
      'housing.rental-subsidy',
      'elder.employee-pension',
      'elder.resident-pension',
      'med.employee-medical-insurance',
      'med.resident-medical-insurance',
      'med.cross-region-settlement',
      'emp.work-injury-insurance',
      'emp.unemployment-insurance',
      'emp.public-employment-service',
      'emp.employment-difficulty',
      'emp.entrepreneurship',
      'emp.vocational-training',
      'childcare.nursery',
      'elder.care-services',
      'assist.minimum-living',
      'assist.extreme-poverty',
      'assist.temporary',
      'assist.disability-subsidies',
      'veterans.preferential-care',
      'culture.public-culture',
      'culture.public-sports',
    ];
    for (const code of required) expect(catalogue.has(code)).toBe(true);
  });

  it('gives temporary assistance to the place of the emergency (000-六)', () => {
    const temporary = catalogue.get('assist.temporary');
    expect(temporary.basis).toBe('emergency');
    expect(temporary.seedRefs.map(formatSeedRef)).toContain('000-六');
    expect(catalogue.byBasis('emergency').map((i) => i.code)).toEqual(['assist.temporary']);
  });

  it('follows the seeds on the basis of the key items', () => {
    expect(catalogue.get('edu.compulsory').basis).toBe('residence-permit'); // 004-五
    expect(catalogue.get('med.resident-medical-insurance').basis).toBe('residence-permit'); // 000-四
    expect(catalogue.get('emp.public-employment-service').basis).toBe('residence'); // 004-三: ID card suffices
    expect(catalogue.get('elder.employee-pension').basis).toBe('insured'); // 000-三
    expect(catalogue.get('med.cross-region-settlement').basis).toBe('treatment'); // 000-四
    expect(catalogue.get('assist.minimum-living').seedRefs.map(formatSeedRef)).toContain('000-六');
    expect(catalogue.get('housing.public-rental').seedRefs.map(formatSeedRef)).toContain('000-二');
  });

  it('answers byBasis with exactly the items of that basis', () => {
    for (const basis of SERVICE_BASES) {
      for (const item of catalogue.byBasis(basis)) expect(item.basis).toBe(basis);
    }
    const total = SERVICE_BASES.reduce((n, b) => n + catalogue.byBasis(b).length, 0);
    expect(total).toBe(items.length);
    expect(catalogue.byBasis('insured').map((i) => i.code)).toEqual(
      expect.arrayContaining(['elder.employee-pension', 'med.employee-medical-insurance', 'emp.unemployment-insurance']),
    );
  });

  it('get() throws NotFound for an unknown code, find() returns undefined', () => {
    const e = caughtDomainError(() => catalogue.get('edu.nope'));
    expect(e.code).toBe(ErrorCode.NotFound);
    expect(e.detail).toContain("'edu.nope'");
    expect(e.extensions).toMatchObject({ service: 'edu.nope' });
    expect(catalogue.find('edu.nope')).toBeUndefined();
  });

  it('keeps the schema enums and the TypeScript constants in step', () => {
    const defs = (SERVICE_CATALOGUE_SCHEMA as { $defs: Record<string, { enum: string[] }> }).$defs;
    expect(defs.domain.enum).toEqual([...SERVICE_DOMAINS]);
    expect(defs.basis.enum).toEqual([...SERVICE_BASES]);
    expect(defs.periodicity.enum).toEqual([...PERIODICITIES]);
    expect(defs.agency.enum).toEqual(agencyKinds());
    expect(defs.insuranceBranch.enum).toEqual([...INSURANCE_BRANCHES]);
    expect(defs.transferEvidenceStep.enum).toEqual([...TRANSFER_EVIDENCE_STEPS]);
  });

  it('names the providing agency of every item, and an insurance branch for exactly the insured items', () => {
    for (const item of items) {
      expect([item.code, isAgencyKind(item.agency)]).toEqual([item.code, true]);
      expect([item.code, item.basis === 'insured']).toEqual([item.code, item.insuranceBranch !== undefined]);
    }
    expect(catalogue.get('med.employee-medical-insurance')).toMatchObject({ agency: 'healthcare-security', insuranceBranch: 'medical' });
    expect(catalogue.get('elder.employee-pension')).toMatchObject({ agency: 'human-resources', insuranceBranch: 'pension' });
    expect(catalogue.get('edu.compulsory').agency).toBe('education');
  });

  it('is documented item by item in the README table', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
    for (const item of items) {
      const row = readme.split('\n').find((l) => l.startsWith(`| \`${item.code}\` |`));
      expect(row).toBeDefined();
      expect(row).toContain(`| ${item.basis} |`);
      expect(row).toContain(`| ${item.periodicity} |`);
      expect(row).toContain(`| ${item.agency}${item.insuranceBranch ? ` (${item.insuranceBranch})` : ''} |`);
      for (const ref of item.seedRefs) expect(row).toContain(formatSeedRef(ref));
    }
  });
});

describe('parseServiceCatalogue rejects bad data', () => {
  it('rejects a duplicate code', () => {
    const doc = bundledCopy();
    doc.items.push({ ...doc.items[0] });
    const e = caughtDomainError(() => parseServiceCatalogue(doc, 'test'));
    expect(e.code).toBe(ErrorCode.ValidationFailed);
    expect(e.detail).toContain("duplicate service code 'childcare.nursery'");
  });

  it('rejects an unknown basis, naming the JSON pointer', () => {
    const doc = bundledCopy();
    doc.items[3].basis = 'birthplace';
    const e = caughtDomainError(() => parseServiceCatalogue(doc, 'test'));
    expect(e.code).toBe(ErrorCode.ValidationFailed);
    expect(e.detail).toContain('/items/3/basis');
    expect(e.detail).toContain('"residence-permit"');
  });

  it('rejects an insured item without its insurance branch, and a branch on an item that is not insured', () => {
    const doc = bundledCopy();
    const pension = doc.items.findIndex((i) => i.code === 'elder.employee-pension');
    delete doc.items[pension].insuranceBranch;
    expect(caughtDomainError(() => parseServiceCatalogue(doc, 'test')).detail).toContain(`/items/${pension}`);
    const other = bundledCopy();
    other.items[0].insuranceBranch = 'pension';
    expect(caughtDomainError(() => parseServiceCatalogue(other, 'test')).detail).toContain('an insured item names its insurance branch');
  });

  it('rejects an item without seed references', () => {
    const doc = bundledCopy();
    doc.items[0].seedRefs = [];
    const e = caughtDomainError(() => parseServiceCatalogue(doc, 'test'));
    expect(e.code).toBe(ErrorCode.ValidationFailed);
    expect(e.detail).toContain('/items/0/seedRefs');
  });

  it('rejects a citation of a clause the seed does not have', () => {
    const doc = bundledCopy();
    doc.items[0].seedRefs = [{ seed: '000', clause: '十四' }];
    const e = caughtDomainError(() => parseServiceCatalogue(doc, 'test'));
    expect(e.detail).toContain('seed 000 has clauses 一…十三 only');
  });

  it('rejects a missing domain or a wrong Chinese domain name', () => {
    const missing = bundledCopy();
    missing.domains = missing.domains.slice(0, 8).concat([{ ...missing.domains[0] }]);
    expect(caughtDomainError(() => parseServiceCatalogue(missing, 'test')).detail).toContain("duplicate domain 'childcare'");
    const renamed = bundledCopy();
    renamed.domains[1].nameZh = '学有优教';
    expect(caughtDomainError(() => parseServiceCatalogue(renamed, 'test')).detail).toContain('学有所教');
  });

  it('rejects a non-object document', () => {
    expect(caughtDomainError(() => parseServiceCatalogue('nope')).code).toBe(ErrorCode.ValidationFailed);
  });
});

describe('seed references', () => {
  it.each([
    ['一', 1],
    ['八', 8],
    ['十', 10],
    ['十三', 13],
    ['二十', 20],
    ['二十一', 21],
  ])('parses %s as %d', (text, n) => expect(parseChineseNumeral(text)).toBe(n));

  it.each(['', '(八)', '八八', '十十', 'eight', '〇'])('rejects %p', (text) => expect(parseChineseNumeral(text)).toBeUndefined());

  it('knows how many clauses each seed has', () => {
    expect(seedRefProblem({ seed: '004', clause: '二十一' })).toBeUndefined();
    expect(seedRefProblem({ seed: '004', clause: '二十二' })).toContain('does not exist');
    expect(seedRefProblem({ seed: '003', clause: '十六' })).toBeUndefined();
    expect(seedRefProblem({ seed: '001', clause: '一' })).toContain('no numbered clauses');
    expect(seedRefProblem({ seed: '000', clause: '(三)' })).toContain('without brackets');
  });
});
