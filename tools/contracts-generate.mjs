// Generates TypeScript types from the contracts (the source of truth) with openapi-typescript:
//   contracts/openapi.yaml          -> libs/contracts/src/generated/openapi.ts
//   contracts/events/<type>.json    -> libs/contracts/src/generated/events.ts
// With --check, writes nothing and exits 1 when a committed file is stale.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'libs/contracts/src/generated');
const banner = '// Generated from contracts/ by tools/contracts-generate.mjs (openapi-typescript). Do not edit.\n';

async function restTypes() {
  const doc = parse(fs.readFileSync(path.join(root, 'contracts/openapi.yaml'), 'utf8'));
  return banner + astToString(await openapiTS(doc, { alphabetize: true }));
}

async function eventTypes() {
  const dir = path.join(root, 'contracts/events');
  const schemas = {};
  const names = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const type = file.replace(/\.json$/, '');
    const { $schema: _s, $id: _i, examples: _e, ...schema } = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    // cn.gov.tongban.residence.permit-issued.v1 -> ResidencePermitIssuedV1
    const name = type
      .replace(/^cn\.gov\.tongban\./, '')
      .split(/[.-]/)
      .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
      .join('');
    schemas[name] = schema;
    names[type] = name;
  }
  const doc = { openapi: '3.1.0', info: { title: 'events', version: '1' }, paths: {}, components: { schemas } };
  const map = Object.entries(names)
    .map(([type, name]) => `  '${type}': components['schemas']['${name}'];`)
    .join('\n');
  return `${banner}${astToString(await openapiTS(doc, { alphabetize: true }))}\n/** Event data by CloudEvents type. */\nexport interface EventDataByType {\n${map}\n}\n`;
}

const files = { 'openapi.ts': await restTypes(), 'events.ts': await eventTypes() };
const check = process.argv.includes('--check');
let stale = [];
for (const [name, content] of Object.entries(files)) {
  const target = path.join(out, name);
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
  if (current === content) continue;
  if (check) stale.push(path.relative(root, target));
  else {
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(target, content);
    console.log(`wrote ${path.relative(root, target)}`);
  }
}
if (stale.length > 0) {
  console.error(`generated contract types are stale: ${stale.join(', ')} — run npm run contracts:generate and commit`);
  process.exit(1);
}
if (check) console.log('generated contract types are up to date');
