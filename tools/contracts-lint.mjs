#!/usr/bin/env node
// Usage: node tools/contracts-lint.mjs [ASYNCAPI_FILE]   (default contracts/asyncapi.yaml)
// Lints the contracts: contracts/openapi.yaml with Redocly (contracts/redocly.yaml), contracts/asyncapi.yaml
// (and the event schemas it references) with @asyncapi/parser's own ruleset. Fails on any error or
// warning of either; information and hints are printed only. The parser is what AsyncAPI's CLI runs
// for `asyncapi validate --fail-severity=warn`, without the CLI's 1,300 dependencies.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
let failed = false;

// 1. OpenAPI: Redocly's own exit code (errors fail; contracts/redocly.yaml sets which rules are errors).
const redocly = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
const openapi = spawnSync(
  process.execPath,
  [redocly, 'lint', '--config', 'contracts/redocly.yaml', '--format', 'stylish', 'contracts/openapi.yaml'],
  {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  },
);
// Redocly's banner about Node 20's end of life is noise here (engines keep Node 20.19+ supported).
process.stdout.write(`${openapi.stdout}${openapi.stderr}`.replace(/^\s*[╔║╚].*\n/gm, ''));
if (openapi.status !== 0) failed = true;

// 2. AsyncAPI: the parser resolves the relative $refs into contracts/events/ from the document's path.
const { Parser, DiagnosticSeverity } = require('@asyncapi/parser/cjs');
const source = process.argv[2] ? resolve(process.argv[2]) : join(root, 'contracts', 'asyncapi.yaml');
const { document, diagnostics } = await new Parser().parse(readFileSync(source, 'utf8'), { source });
const names = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning', [DiagnosticSeverity.Information]: 'information', [DiagnosticSeverity.Hint]: 'hint' };
for (const d of diagnostics) {
  const file = relative(root, d.source ?? source);
  const at = d.range ? `${d.range.start.line + 1}:${d.range.start.character + 1}` : '';
  console.log(`${file}:${at} ${names[d.severity] ?? d.severity} ${d.code} ${d.message}${d.path?.length ? ` (at ${d.path.join('.')})` : ''}`);
}
const blocking = diagnostics.filter((d) => d.severity <= DiagnosticSeverity.Warning);
if (!document || blocking.length > 0) {
  console.error(`${relative(root, source)}: ${blocking.length} error(s) or warning(s)${document ? '' : '; the document did not parse'}`);
  failed = true;
} else {
  const counts = `${document.channels().length} channels, ${document.messages().length} messages`;
  console.log(`${relative(root, source)}: valid (${counts}; ${diagnostics.length} information/hint diagnostic(s))`);
}
process.exit(failed ? 1 : 0);
