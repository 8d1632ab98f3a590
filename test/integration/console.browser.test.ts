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
import { call, OPERATOR, token } from '../harness/http';
import { newCitizenId, permitIssuedMessage } from '../harness/fixtures';
import { requestPensionTransfer } from '../harness/transfer-steps';
import { registerPerson } from '../harness/ledger-steps';
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
  let overdueSubjectRef: string;
  let shenzhenTransferId: string;
  let filingId: string;
  let deadLetterId: string;
  let poisonPermitNumber: string;
  const browserErrors: string[] = [];

  const transferIntoShenzhen = async (): Promise<string> => {
    const res = await requestPensionTransfer(gateway, '440300', {
      citizenId: newCitizenId(),
      outboundRegion: '510100',
      hukouRegion: '510100',
    });
    expect(res.status).toBe(200);
    return String(res.body.transferId);
  };
  /** Applies the filters as an operator would: the search box, then Enter. */
  const search = async (fields: { q?: string; region?: string }): Promise<void> => {
    await page.fill('#f-q', fields.q ?? '');
    await page.fill('#f-region', fields.region ?? '');
    await page.press('#f-region', 'Enter');
  };
  /** A computed style, read in the page (an expression: the test project has no DOM types). */
  const style = async (selector: string, property: string): Promise<string> =>
    String(await page.evaluate(`getComputedStyle(document.querySelector(${JSON.stringify(selector)})).${property}`));
  const noHorizontalOverflow = async (): Promise<void> => {
    const widths = (await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')) as number[];
    expect(widths[0]).toBeLessThanOrEqual(widths[1]);
  };

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
    overdueSubjectRef = (
      await call<{ subjectRef: string }>(gateway, 'GET', `/v1/ops/items/transfer/${overdueTransferId}`, { token: OPERATOR })
    ).body.subjectRef;
    // a transfer into 深圳 from 成都, on time: what the region and overdue filters tell apart
    shenzhenTransferId = await transferIntoShenzhen();
    // a filing (in no queue): found by its id, its page shows the request that registered it
    const { citizenId } = await registerPerson(gateway, '360100');
    const filed = await call<{ filingId: string }>(gateway, 'POST', '/v1/medical/filings', {
      token: token('360100', 'healthcare-security'),
      body: { citizenId, category: 'long-term-resident', treatmentRegion: '440100', validFrom: '2026-11-01' },
    });
    expect(filed.status).toBe(201);
    filingId = filed.body.filingId;

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
    // highlighted: the overdue row is painted differently from the default (a plain row's cells are transparent)
    const background = await style(`#queue tr[data-item="${overdueTransferId}"] td`, 'backgroundColor');
    expect(background).toMatch(/^rgb/);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');

    await row.getByRole('button', { name: '查看' }).click();
    const item = page.locator('#item');
    await item.getByText('cn.gov.tongban.social-insurance.contact-letter-issued.v3').waitFor();
    await page.locator('#kafka-body').getByText('消费组延迟').waitFor();
    // the Kafka tables are card tables too: every cell labelled with its column (read on a narrow screen)
    const kafkaCells = page.locator('#kafka-body table.cards td');
    expect(await kafkaCells.count()).toBeGreaterThan(0);
    expect(await page.locator('#kafka-body table.cards td:not([data-label])').count()).toBe(0);
    expect(await page.locator('#kafka-body td[data-label="模式"]').allTextContents()).toContain('ledger');
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

  it('searches by subjectRef from the keyboard (/), and filters by region and overdue on the server', async () => {
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await page.keyboard.press('/');
    expect(await page.evaluate('document.activeElement.id')).toBe('f-q');
    await page.keyboard.type(overdueSubjectRef);
    await page.keyboard.press('Enter');
    const certificate = page.locator('[data-queue="si-transfers-certificate"]');
    await page.locator('#queue-title', { hasText: '匹配 1' }).waitFor();
    await expect(certificate.textContent()).resolves.toContain('匹配 1');
    await page.locator(`#queue tr[data-item="${overdueTransferId}"]`).waitFor();
    expect(await page.locator('#queue tr[data-item]').count()).toBe(1);
    // every other queue holds no match
    await expect(page.locator('[data-queue="si-transfers-contact-letter"]').textContent()).resolves.toContain('匹配 0');
    // a subjectRef names no item itself: the search panel points to the queues holding its matches
    await page.locator('#hits').getByText('待处理的匹配事项在').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'console-search.png'), fullPage: true });

    // 深圳's transfers only: the 广州 one leaves, the 深圳 one comes
    await search({ region: '440300' });
    await page.locator(`#queue tr[data-item="${shenzhenTransferId}"]`).waitFor();
    expect(await page.locator(`#queue tr[data-item="${overdueTransferId}"]`).count()).toBe(0);
    // and overdue only (a checkbox applies at once): none of 深圳's is
    await page.check('#f-overdue');
    await page.getByText('没有符合筛选条件的事项。').waitFor();
    await page.uncheck('#f-overdue');
    await page.locator(`#queue tr[data-item="${shenzhenTransferId}"]`).waitFor();
    // a citizen ID number is never sent: the console refuses it before any request carries it
    const citizenId = newCitizenId();
    const sent: string[] = [];
    const watch = (r: { url(): string }): number => sent.push(r.url());
    page.on('request', watch);
    await search({ q: citizenId });
    await page.getByText('请勿输入身份证号：').waitFor();
    page.off('request', watch);
    expect(sent.filter((url) => url.includes(citizenId))).toEqual([]);
    await page.click('#f-clear');
    await page.locator(`#queue tr[data-item="${overdueTransferId}"]`).waitFor();
    expect(browserErrors).toEqual([]);
  });

  it('finds a filing by its id; its page lists the audit entry of the request that registered it; Esc closes it', async () => {
    await search({ q: filingId });
    const hit = page.locator(`#hits [data-hit="filing:${filingId}"]`);
    await hit.waitFor();
    await hit.getByRole('button', { name: '查看' }).click();
    const item = page.locator('#item');
    await item.getByText('审计记录（1）').waitFor();
    const entry = item.locator('tr[data-matched-by="request"]');
    await expect(entry.textContent()).resolves.toContain('POST /v1/medical/filings');
    await expect(entry.textContent()).resolves.toContain('创建或变更本事项的请求');
    expect(await page.evaluate('document.activeElement.id')).toBe('item-title');
    await page.keyboard.press('Escape');
    await item.waitFor({ state: 'hidden' });
    await page.click('#f-clear');
  });

  it('refreshes by itself every few seconds, keeping the filters and the focused control; pausing stops it', async () => {
    await page.evaluate("sessionStorage.setItem('tongban.refreshSeconds', '2')");
    await search({ region: '440300' });
    await page.reload(); // the token, the filters and the open queue survive a reload (sessionStorage, never the URL)
    await page.locator(`#queue tr[data-item="${shenzhenTransferId}"]`).waitFor();
    expect(await page.inputValue('#f-region')).toBe('440300');
    expect(page.url()).toBe(`${gateway}/console/`);
    const viewButton = page.locator(`#queue tr[data-item="${shenzhenTransferId}"] button`, { hasText: '查看' });
    await viewButton.focus();
    const arrived = await transferIntoShenzhen();
    await page.locator(`#queue tr[data-item="${arrived}"]`).waitFor({ timeout: 15_000 });
    expect(await page.inputValue('#f-region')).toBe('440300');
    expect(await page.evaluate('document.activeElement.getAttribute("data-focus")')).toBe(`view:transfer:${shenzhenTransferId}`);

    await page.click('#refresh-toggle');
    expect(await page.getAttribute('#refresh-toggle', 'aria-pressed')).toBe('true');
    await new Promise((resolve) => setTimeout(resolve, 500)); // a refresh already under way ends
    const paused = await transferIntoShenzhen();
    await new Promise((resolve) => setTimeout(resolve, 5000));
    expect(await page.locator(`#queue tr[data-item="${paused}"]`).count()).toBe(0);
    await page.click('#refresh-toggle');
    await page.locator(`#queue tr[data-item="${paused}"]`).waitFor({ timeout: 15_000 });
    await page.evaluate("sessionStorage.removeItem('tongban.refreshSeconds')");
    await page.click('#f-clear');
  });

  it('shows the service catalogue (codes, basis, periodicity, period keys) and filters queues by its services', async () => {
    await page.click('[data-view="catalogue"]');
    const compulsory = page.locator('#catalogue tr[data-service="edu.compulsory"]');
    await compulsory.waitFor();
    const text = await compulsory.textContent();
    expect(text).toContain('义务教育');
    expect(text).toContain('常住地（持居住证）');
    expect(text).toContain('按学期');
    await page.fill('#catalogue-filter', 'housing.');
    await expect(page.locator('#catalogue-count').textContent()).resolves.toMatch(/^匹配 3 \/ \d+ 项$/);
    await expect(compulsory.isHidden()).resolves.toBe(true);
    await page.fill('#catalogue-filter', '');
    await compulsory.waitFor();
    await page.click('[data-view="queues"]');
    await page.selectOption('#f-service', 'edu.compulsory');
    await page.getByText('没有符合筛选条件的事项。').waitFor();
    await page.selectOption('#f-service', 'elder.employee-pension');
    await page.locator(`#queue tr[data-item="${overdueTransferId}"]`).waitFor();
    await page.click('#f-clear');
  });

  it('reflows down to a phone width (375 px): one column, rows as cards, nothing wider than the screen', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.locator('[data-queue="si-transfers-certificate"]').click();
    const row = page.locator(`#queue tr[data-item="${overdueTransferId}"]`);
    await row.waitFor();
    expect(await style(`#queue tr[data-item="${overdueTransferId}"] td`, 'display')).toBe('flex');
    const columns = await style('#work', 'gridTemplateColumns');
    expect(columns.trim().split(/\s+/)).toHaveLength(1);
    await noHorizontalOverflow();
    await page.screenshot({ path: path.join(ARTIFACTS, 'console-narrow.png'), fullPage: true });
    await row.getByRole('button', { name: '查看' }).click();
    await page.locator('#item').getByText('cn.gov.tongban.social-insurance.contact-letter-issued.v3').waitFor();
    await noHorizontalOverflow();
    await page.screenshot({ path: path.join(ARTIFACTS, 'console-item-narrow.png'), fullPage: true });
    await page.click('[data-view="catalogue"]');
    await page.locator('#catalogue tr[data-service="edu.compulsory"]').waitFor();
    await noHorizontalOverflow();
    await page.screenshot({ path: path.join(ARTIFACTS, 'console-catalogue-narrow.png'), fullPage: true });
    for (const file of ['console-search.png', 'console-narrow.png', 'console-item-narrow.png', 'console-catalogue-narrow.png'])
      expect(fs.statSync(path.join(ARTIFACTS, file)).size).toBeGreaterThan(10_000);
    expect(browserErrors).toEqual([]);
  });
});
