#!/usr/bin/env node
// Prints how many packages node_modules holds and how much disk they take, so a dependency that drags in
// hundreds of others shows in CI's log. A package is a node_modules/<name> or node_modules/@scope/<name>
// folder with a package.json, counted recursively through nested node_modules (a package.json inside a
// package's own test fixtures is not a package). Size is what `du -sk node_modules` reports.
// Usage: node tools/deps-report.mjs [--max-packages N] [--max-mb N]   (non-zero exit when over a limit)
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(process.cwd(), 'node_modules');
if (!existsSync(root)) {
  console.error('deps-report: no node_modules here; run npm ci first');
  process.exit(2);
}

function packagesUnder(modulesDir) {
  let count = 0;
  for (const entry of readdirSync(modulesDir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(modulesDir, entry.name);
    if (entry.name.startsWith('@') && entry.isDirectory()) {
      count += packagesUnder(path);
      continue;
    }
    if (!entry.isDirectory() && !entry.isSymbolicLink()) continue;
    if (!existsSync(join(path, 'package.json'))) continue;
    count += 1;
    const nested = join(path, 'node_modules');
    if (existsSync(nested) && statSync(nested).isDirectory()) count += packagesUnder(nested);
  }
  return count;
}

function diskKiB(dir) {
  try {
    return Number(execFileSync('du', ['-sk', dir], { encoding: 'utf8' }).split(/\s/)[0]);
  } catch {
    return NaN;
  }
}

const packages = packagesUnder(root);
const mb = diskKiB(root) / 1024;
console.log(`dependencies: ${packages} packages in node_modules, ${mb.toFixed(0)} MB on disk`);

const limit = (flag) => {
  const i = process.argv.indexOf(flag);
  return i > 0 ? Number(process.argv[i + 1]) : Infinity;
};
const over = [];
if (packages > limit('--max-packages')) over.push(`${packages} packages > ${limit('--max-packages')}`);
if (mb > limit('--max-mb')) over.push(`${mb.toFixed(0)} MB > ${limit('--max-mb')} MB`);
if (over.length) {
  console.error(`deps-report: over the limit: ${over.join(', ')}`);
  process.exit(1);
}
