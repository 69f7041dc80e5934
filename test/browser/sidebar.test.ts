/**
 * The built sidebar (dist/Sidebar.html) in Debian's Chromium at sidebar width, against the local
 * playground: google.script.run reaches the same bundle and workbook. Log a contact end to end, add a
 * client and hit the duplicate warning, open a card with 200 contacts, switch language.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, type Page } from 'playwright-core';
import { startPlayground, type Playground } from '../../src/local/playground/server';
import { exportServiceState } from '../../src/local/emulator/services/persistence';
import { saveWorkbook } from '../../src/local/xlsx/save';
import { confirmTeamRoles } from '../helpers/roles';
import { ACME, putRows, sidebarWorkbook } from '../gas/sidebar/fixture';
import { launchChromium } from '../helpers/chromium';
import { distDir } from '../helpers/bundle';
import { inLanguage } from '../../src/core/html-lang';
import { OWNER } from '../helpers/workbook';

let playground: Playground;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  const wb = sidebarWorkbook({ filler: 30 });
  putRows(
    wb,
    'Contacts',
    Array.from({ length: 200 }, (_, i) => ({
      ID: `K-${i}`,
      Date: new Date(Date.UTC(2025, 0, 1) + i * 86_400_000),
      'Client ID': ACME,
      Client: 'Acme Trading Co., Ltd.',
      Outcome: 'Reached',
      Summary: i === 199 ? '<img src=x onerror=alert(1)>' : `call ${i}`,
    })),
  );
  // Zhang Wei is the director here, so he may hand over all of a person's clients (docs/roles.md).
  const team = wb.sheet('Team');
  team.values[1][team.values[0].indexOf('Role')] = 'Director';
  confirmTeamRoles(wb);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-sidebar-'));
  const file = path.join(dir, 'sidebar.xlsx');
  await saveWorkbook(file, wb.env.spreadsheet, { services: exportServiceState(wb.env) });
  playground = await startPlayground({ workbook: file, distDir, user: OWNER }, 0);
  browser = await launchChromium({ width: 300, height: 900 });
  page = await browser.newPage();
  page.on('dialog', (d) => void d.dismiss().then(() => (alerted = true)));
  await page.goto(`${playground.url}html/Sidebar`);
  await page.waitForSelector('#client-search');
});

let alerted = false;

afterAll(async () => {
  await browser?.close();
  await playground?.close();
});

async function pick(query: string): Promise<void> {
  await page.fill('#client-search', query);
  await page.waitForSelector('#client-results li');
  await page.press('#client-search', 'Enter');
}

test('log a contact end to end: search, pick, Reached pre-fills the next date, save', async () => {
  await page.click('#tab-log');
  await pick('acme');
  await page.waitForSelector('#picked-client');
  await page.selectOption('#log-outcome', 'reached');
  await page.waitForFunction(() => (document.getElementById('log-nextFollowUp') as HTMLInputElement).value !== '');
  await page.fill('#log-summary', '=IMPORTXML("http://x","//a") asked for the price');
  // The card the pick loaded holds the 200 contacts: the save adds its own to them, with no second call.
  await page.waitForSelector('#log-context-state');
  const calls: string[] = [];
  const onRequest = (r: { url(): string }) => calls.push(r.url());
  page.on('request', onRequest);
  await page.click('#log-save');
  await page.waitForSelector('.banner.ok');
  expect(await page.textContent('.banner.ok')).toMatch(
    /^Logged for Acme Trading Co\., Ltd\. · next: Zhang Wei, \d{4}-\d{2}-\d{2}\./,
  );
  await page.click('#tab-card');
  await page.waitForSelector('#client-card .timeline li');
  page.off('request', onRequest);
  expect(calls.filter((u) => u.includes('/api/run/')).map((u) => u.split('/').pop())).toEqual(['logContact']);
  expect(await page.$$eval('#client-card .timeline li', (li) => li.length)).toBe(201);
  expect(await page.textContent('#client-card .timeline li')).toContain('asked for the price');
  type Run = { withSuccessHandler(f: (v: unknown) => void): { getClientCard(id: string): void } };
  const card = await page.evaluate(
    () =>
      new Promise((resolve) =>
        (window as unknown as { google: { script: { run: Run } } }).google.script.run
          .withSuccessHandler(resolve)
          .getClientCard('C-ACME'),
      ),
  );
  expect((card as { history: { summary: string }[] }).history[0].summary).toBe(
    '=IMPORTXML("http://x","//a") asked for the price',
  );
});

test('a refused save keeps what was typed and says why', async () => {
  await page.click('#tab-log');
  await page.selectOption('#log-outcome', 'reached');
  await page.fill('#log-summary', 'x'.repeat(50_001));
  await page.click('#log-save');
  await page.waitForSelector('.banner.error');
  expect(await page.textContent('#log-summary-problem')).toContain('50001 characters');
  expect(await page.inputValue('#log-summary')).toHaveLength(50_001);
  expect(await page.isEnabled('#log-save')).toBe(true);
});

test('add a client and hit the duplicate warning', async () => {
  await page.click('#tab-add');
  await page.fill('#add-name', 'ACME trading co ltd');
  await page.click('#add-save');
  await page.waitForSelector('.duplicates');
  expect(await page.textContent('.duplicates')).toContain('Acme Trading Co., Ltd.');
  expect(await page.textContent('.duplicates')).toContain('similar name');
  await page.click('#add-anyway');
  await page.waitForSelector('#card-name');
  expect(await page.textContent('#card-name')).toBe('ACME trading co ltd');
});

test('the forms give each field the box its column calls for: text areas, the phone’s keyboard, the * on what a save needs', async () => {
  const box = (id: string) =>
    page.$eval(id, (n) => ({
      tag: n.tagName.toLowerCase(),
      type: n.getAttribute('type'),
      required: n.getAttribute('aria-required') === 'true',
    }));
  await page.click('#tab-log');
  await page.waitForSelector('#log-summary');
  expect(await box('#log-summary')).toMatchObject({ tag: 'textarea' });
  expect(await box('#log-objections')).toMatchObject({ tag: 'textarea' });
  expect(await box('#log-nextTopic')).toMatchObject({ tag: 'input', type: 'text', required: false });
  expect(await box('#log-channel')).toMatchObject({ tag: 'select', required: true });
  expect(await box('#log-outcome')).toMatchObject({ tag: 'select', required: true });
  expect(await box('#log-result')).toMatchObject({ tag: 'select', required: false });
  await page.click('#tab-add');
  await page.waitForSelector('#add-name');
  expect(await box('#add-name')).toEqual({ tag: 'input', type: 'text', required: true });
  expect(await box('#add-phone')).toEqual({ tag: 'input', type: 'tel', required: false });
  expect(await box('#add-email')).toEqual({ tag: 'input', type: 'email', required: false });
  expect(await box('#add-need')).toMatchObject({ tag: 'textarea', required: false });
  expect(await box('#add-notes')).toMatchObject({ tag: 'textarea', required: false });
  expect(await box('#add-address')).toMatchObject({ tag: 'input', type: 'text' });
});

test('open a card with 200 contacts; a client’s text shows as text, never as HTML', async () => {
  await page.click('#tab-card');
  await pick('C-ACME');
  await page.waitForSelector('#client-card .timeline li');
  expect(await page.$$eval('#client-card .timeline li', (li) => li.length)).toBe(201);
  expect(await page.$$eval('#client-card .timeline img', (img) => img.length)).toBe(0);
  expect(await page.textContent('#client-card .timeline')).toContain('<img src=x onerror=alert(1)>');
  expect(alerted).toBe(false);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
});

test('switch language: the same card in Chinese, without losing it', async () => {
  await page.click('#switch-language');
  await page.waitForSelector('#tab-card:text("客户卡片")');
  expect(await page.textContent('#client-card h3')).toBe('跟进记录（201）');
  await page.click('#switch-language');
  expect(await page.textContent('#tab-card')).toBe('Client card');
});

test('hand over from the card: the card shows the new owner and keeps its 200 contacts, asking the server once', async () => {
  await page.click('#tab-card');
  await pick('C-ACME');
  await page.waitForSelector('#client-card .timeline li');
  await page.click('#client-card details:has(#handover-owner) summary');
  await page.selectOption('#handover-owner', 'Amy');
  await page.fill('#handover-reason', 'Holiday cover');
  const calls: string[] = [];
  const onRequest = (r: { url(): string }) => calls.push(r.url());
  page.on('request', onRequest);
  await page.click('#handover-save');
  await page.waitForSelector('#client-card .meta:text("Amy")');
  page.off('request', onRequest);
  // The hand-over's answer has no history: the one on screen stays, every entry of it.
  expect(await page.$$eval('#client-card .timeline li', (li) => li.length)).toBe(201);
  expect(calls.filter((u) => u.includes('/api/run/')).map((u) => u.split('/').pop())).toEqual(['reassignClient']);
});

test('someone left: every client of theirs is handed over from the card in one go, and it says how many', async () => {
  await page.click('#tab-card');
  await pick('C-HW');
  await page.waitForSelector('#card-name:text("华为技术（深圳）有限公司")');
  // Its own step, away from the one-client button: the count first, then the hand-over of that many.
  await page.click('#handover-all-section summary');
  await page.click('#handover-all-count');
  await page.waitForSelector('#handover-all-count-text');
  expect(await page.textContent('#handover-all-count-text')).toMatch(/^Amy owns \d+ clients now\./);
  await page.selectOption('#handover-all-owner', 'Zhang Wei');
  await page.fill('#handover-all-reason', 'Amy left the company');
  await page.click('#handover-all');
  await page.waitForSelector('#client-card .banner.ok');
  expect(await page.textContent('#client-card .banner.ok')).toMatch(/^Handed \d+ clients? from Amy to Zhang Wei\.$/);
  await page.waitForSelector('#client-card .meta:text("Zhang Wei")');
});

test('before the server answers, the sidebar says it is loading in the language the page was sent in', async () => {
  const sidebarHtml = fs.readFileSync(path.join(distDir, 'Sidebar.html'), 'utf8');
  const firstPaint = async (lang: 'en' | 'zh-CN'): Promise<string> => {
    const p = await browser.newPage();
    // A google.script.run that never answers: the page stays on what it shows first.
    await p.addInitScript(() => {
      const run: object = new Proxy(
        {},
        { get: (_t, name) => (String(name).startsWith('with') ? () => run : () => undefined) },
      );
      (window as unknown as { google: unknown }).google = { script: { run } };
    });
    await p.setContent(inLanguage(sidebarHtml, lang));
    const text = (await p.textContent('body')) ?? '';
    await p.close();
    return text.trim();
  };
  expect(await firstPaint('zh-CN')).toContain('正在加载…');
  expect(await firstPaint('en')).toContain('Loading…');
});
