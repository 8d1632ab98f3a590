// The architecture as lint rules (eslint.config.mjs uses them; tools/architecture.lint.spec.ts proves they bite).
// Foundation libs know no domain; a domain knows no other domain except medical → ledger (a bill is a
// provision claim); nothing reaches into a lib past its public index; apps never import one another.

export const FOUNDATION_LIBS = ['calendar', 'catalogue', 'config', 'contracts', 'database', 'errors', 'http', 'identity', 'logging', 'messaging', 'metrics', 'regions'];
export const DOMAIN_LIBS = ['ledger', 'residence', 'social-insurance', 'medical'];
/** libs that compose domains for operators */
export const COMPOSING_LIBS = ['ops'];
/** domain → domain imports allowed */
const DOMAIN_ALLOWED = { medical: ['ledger'] };

const deep = { group: ['@tongban/*/*', '**/libs/**'], message: 'import a lib through its public index (@tongban/<lib>), never its files' };
const noApps = (message) => ({ group: ['**/apps/**', '../../*/src/**', '../../../*/src/**', '../../../../*/src/**'], message });

/** The import rule of a lib's files: never an app, never past another lib's index, and none of `forbidden`. */
const libRule = (lib, forbidden, message) => ({
  files: [`libs/${lib}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['**/apps/**'], message: 'libs must not depend on apps' },
          deep,
          ...(forbidden.length > 0 ? [{ group: forbidden.map((d) => `@tongban/${d}`), message }] : []),
        ],
      },
    ],
  },
});

export const architectureRules = [
  {
    files: ['apps/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noApps('apps must not import one another; share code through libs/'), deep] }] },
  },
  ...FOUNDATION_LIBS.map((lib) => libRule(lib, [...DOMAIN_LIBS, ...COMPOSING_LIBS], `${lib} is a foundation lib: it never imports a domain`)),
  ...DOMAIN_LIBS.map((lib) =>
    libRule(
      lib,
      [...DOMAIN_LIBS, ...COMPOSING_LIBS].filter((d) => d !== lib && !(DOMAIN_ALLOWED[lib] ?? []).includes(d)),
      `the ${lib} domain does not import another domain${DOMAIN_ALLOWED[lib] ? ` (only ${DOMAIN_ALLOWED[lib].join(', ')})` : ''}`,
    ),
  ),
  ...COMPOSING_LIBS.map((lib) => libRule(lib, [], '')),
];
