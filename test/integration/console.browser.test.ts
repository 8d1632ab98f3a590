import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { AppConfig, loadConfig, repoPath } from '@tongban/config';
import { deadLetterTopic, DOMAIN_TOPICS, KafkaClient } from '@tongban/messaging';
import { CONSOLE_CSP } from '@tongban/ops';
import { ChinaClock } from '@tongban/calendar';
import { PROBE_GROUP, ProbeModule, probeBehaviour } from '../harness/probe.module';
import { eventually } from '../harness/eventually';
import { Suite } from '../harness/suite';
import { call, OPERATOR } from '../harness/http';
import { newCitizenId, permitIssuedMessage } from '../harness/fixtures';
import { requestPensionTransfer } from '../harness/transfer-steps';
import { GATEWAY_APP } from '../../apps/gateway/src/gateway.app';

/** Debian's Chromium (apt package `chromium`); the test fails, never skips, when it is missing. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = repoPath('artifacts');

jest.setTimeout(180_000);

describe('operator console in Debian Chromium (headless) against a running gateway with seeded data', () => {
  let suite: Suite;
  let gateway: string;
  let kafka: KafkaClient;
  let context: BrowserContext | undefined;
  let page: Page;
  let userDataDir: string;
  let overdueTransferId: string;
  let deadLetterId: string;
  let poisonPermitNumber: string;
  const browserErrors: string[] = [];

  const effects = (permitNumber: string): Promise<number> =>
    suite.db
      .one<{ n: string }>(`SELECT count(*) AS n FROM probe.effects WHERE permit_number = $1`, [permitNumber])
      .then((r) => Number(r?.n));

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM))
      throw new Error(`the browser test needs Chromium at ${CHROMIUM} (Debian: apt-get install chromium); it never skips`);
    suite = await Suite.create('console');
    const gw = await suite.start(GATEWAY_APP);
    gateway = gw.url;
    await suite.kafka.admin().createTopics({ topics: [{ topic: suite.topic(deadLetterTopic(PROBE_GROUP.groupId)), numPartitions: 1 }] });
    await suite.start({ name: 'residence-permit', module: ProbeModule, consumer: PROBE_GROUP });
    const config: AppConfig = loadConfig({ ...process.env, ...suite.env() });
    kafka = new KafkaClient(config);

    // Seed 1: a pension transfer whose contact letter went out on 2026-10-09 (the domain's clock is
    // pinned for the request): the outbound region's 15 working days ran out long before today.
    const siClock = gw.app.get(ChinaClock);
    jest.spyOn(siClock, 'now').mockReturnValue(new Date('2026-10-09T10:00:00+08:00'));
    // applied for and the contact letter issued the same day: the outbound clock runs from it
    const transfer = await requestPensionTransfer(gateway, '440100', {
      citizenId: newCitizenId(),
      outboundRegion: '360100',
      hukouRegion: '360100',
    });
    jest.restoreAllMocks();
    expect(transfer.status).toBe(200);
    overdueTransferId = String(transfer.body.transferId);

    // Seed 2: a poison message the probe consumer refuses permanently -> a dead letter.
    poisonPermitNumber = `POISON-${randomUUID().slice(0, 8)}`;
    const producer = await kafka.producer();
    await producer.send({ topic: suite.topic(DOMAIN_TOPICS.residence.name), messages: [permitIssuedMessage(poisonPermitNumber)] });
    const row = await eventually(
      () =>
        suite.db.one<{ id: string }>(
          `SELECT id FROM messaging.dead_letters WHERE consumer = $1 AND replayed_at IS NULL ORDER BY id LIMIT 1`,
          [PROBE_GROUP.groupId],
        ),
      (r) => r !== undefined,
      'the dead letter',
      30000,
    );
    deadLetterId = row!.id;
    probeBehaviour.poisonHealed = true; // the consumer is "fixed"; a replay will now apply

    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1400, height: 1000 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => browserErrors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') browserErrors.push(`console: ${m.text()}`);
    });
  });

  afterAll(async () => {
    await context?.close();
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
    await kafka?.disconnect();
    await suite?.stop();
  });

  it('serves the console from the gateway with its own strict CSP and no external resources', async () => {
    const res = await fetch(`${gateway}/console/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    const html = await res.text();
    expect(html).toContain('通办 · 运维控制台');
    expect(html).not.toMatch(/https?:\/\//);
    expect((await fetch(`${gateway}/console/..%2fpackage.json`)).status).toBe(404);
    expect((await fetch(`${gateway}/console/nothing.js`)).status).toBe(404);
  });

  it('shows the operator the overdue transfer highlighted, with its event history', async () => {
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(gateway)) external.push(r.url());
    });
    await page.goto(`${gateway}/console/`);
    await page.fill('#token', OPERATOR);
    await page.click('#login button[type=submit]');

    const card = page.locator('[data-queue="si-transfers-certificate"]');
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain('已逾期 1');
    await card.click();
    const row = page.locator(`tr[data-item="${overdueTransferId}"]`);
    await row.waitFor();
    expect(await row.getAttribute('class')).toContain('overdue');
    expect(await row.locator('.badge.late').textContent()).toContain('已逾期');
    expect(await row.textContent()).toMatch(/法定 15 个工作日/);
    // highlighted: the overdue row is painted differently from the default
    // (a string: the test project's TypeScript has no DOM types)
    const background = await row.locator('td').first().evaluate('(td) => getComputedStyle(td).backgroundColor');
    expect(String(background)).not.toBe('rgba(0, 0, 0, 0)');

    await row.getByRole('button', { name: '查看' }).click();
    const item = page.locator('#item');
    await item.getByText('cn.gov.tongban.social-insurance.contact-letter-issued.v3').waitFor();
    await page.locator('#kafka-body').getByText('消费组延迟').waitFor();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'console.png'), fullPage: true });
    expect(fs.statSync(path.join(ARTIFACTS, 'console.png')).size).toBeGreaterThan(10_000);
    expect(external).toEqual([]);
  });

  it('replays a dead letter from the console; it leaves the queue and the event is applied once', async () => {
    await page.locator('[data-queue="dead-letters"]').click();
    const row = page.locator(`tr[data-item="${deadLetterId}"]`);
    await row.waitFor();
    await row.locator(`[data-replay="${deadLetterId}"]`).click();
    await row.waitFor({ state: 'detached' });
    await page.getByText(`死信 ${deadLetterId} 已重放。`).waitFor();
    await eventually(
      () => effects(poisonPermitNumber),
      (n) => n === 1,
      'the replayed event applied',
      30000,
    );
    const open = await call<{ items: Array<{ id: string }> }>(gateway, 'GET', '/v1/ops/queues/dead-letters/items?limit=500', {
      token: OPERATOR,
    });
    expect(open.body.items.map((i) => i.id)).not.toContain(deadLetterId);
    // the replay is in the audit log, and the item page shows it
    const detail = await call<{ status: string; audit: Array<{ action: string; actor: string }> }>(
      gateway,
      'GET',
      `/v1/ops/items/dead-letter/${deadLetterId}`,
      { token: OPERATOR },
    );
    expect(detail.body.status).toBe('replayed');
    expect(detail.body.audit.map((a) => a.action)).toContain('POST /v1/ops/dead-letters/:deadLetterId/replay');
    await page.screenshot({ path: path.join(ARTIFACTS, 'console-after-replay.png'), fullPage: true });
    expect(browserErrors).toEqual([]);
  });
});
