import './paths';
import * as fs from 'node:fs';
import type { Infra } from '../../tools/infra';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as { __tongbanInfra?: { infra: Infra; dataRoot: string } }).__tongbanInfra;
  if (!state) return;
  await state.infra.stop();
  fs.rmSync(state.dataRoot, { recursive: true, force: true });
}
