import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * The architecture is in the lint configuration (tools/architecture.rules.mjs, used by eslint.config.mjs):
 * this proves the real configuration refuses what the layering forbids. ESLint runs once in a child
 * process (it loads the ES-module configuration, which Jest's module sandbox cannot), with only the
 * import rule (which needs no type information).
 */
const PROBE = `
const { ESLint } = require('eslint');
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: { languageOptions: { parserOptions: { projectService: false } } }, ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports' });
Promise.all(JSON.parse(process.argv[1]).map(([filePath, from]) =>
  eslint.lintText("import { x } from '" + from + "';\\nexport const y = x;\\n", { filePath }).then(([r]) => r.messages.map((m) => m.message)),
)).then((all) => process.stdout.write(JSON.stringify(all)));
`;

/** [file importing, module imported, expected: undefined = allowed, string = refused with a message containing it] */
const CASES: Array<[string, string, string | undefined]> = [
  ['libs/calendar/src/probe.ts', '@tongban/ledger', 'calendar is a foundation lib: it never imports a domain'],
  ['libs/http/src/probe.ts', '@tongban/ops', 'http is a foundation lib'],
  ['libs/messaging/src/probe.ts', '@tongban/medical', 'messaging is a foundation lib'],
  ['libs/medical/src/probe.ts', '@tongban/ledger', undefined],
  ['libs/ledger/src/probe.ts', '@tongban/medical', 'the ledger domain does not import another domain'],
  ['libs/residence/src/probe.ts', '@tongban/social-insurance', 'the residence domain does not import another domain'],
  ['libs/medical/src/probe.ts', '@tongban/residence', 'the medical domain does not import another domain (only ledger)'],
  ['apps/gateway/src/probe.ts', '../../residence-permit/src/residence-permit.module', 'apps must not import one another'],
  ['apps/gateway/src/probe.ts', '@tongban/ledger/src/ledger.types', 'public index'],
  ['libs/medical/src/probe.ts', '@tongban/ledger/src/ledger.types', 'public index'],
  ['libs/ledger/src/probe.ts', '../../../apps/gateway/src/gateway.module', 'libs must not depend on apps'],
  ['apps/gateway/src/probe.ts', '@tongban/ledger', undefined],
];

describe('the architecture, as lint rules', () => {
  let results: string[][];
  beforeAll(() => {
    const out = execFileSync(process.execPath, ['-e', PROBE, JSON.stringify(CASES.map(([f, m]) => [f, m]))], {
      cwd: path.resolve(__dirname, '..'),
      encoding: 'utf8',
    });
    results = JSON.parse(out) as string[][];
  });

  it('refuses a foundation lib importing a domain, a domain importing another (but medical → ledger), apps importing apps and reaching past a lib index', () => {
    const seen = CASES.map(([file, from, refused], i) => [
      file,
      from,
      refused === undefined ? [] : results[i].filter((m) => m.includes(refused)).length === 1 ? [refused] : results[i],
    ]);
    expect(seen).toEqual(CASES.map(([file, from, refused]) => [file, from, refused === undefined ? [] : [refused]]));
  });
});
