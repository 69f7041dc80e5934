/**
 * The playground in Debian's Chromium (playwright-core, never a downloaded browser): `client-tracker
 * serve` on a fresh folder makes the demo workbook, the page shows the Clients grid coloured as
 * Sheets would colour it today, and google.script.run calls from an iframe reach the same bundle and
 * workbook, which the file on disk then holds.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../helpers/chromium';
import { type BrowserContext, type Frame, type Page } from 'playwright-core';
import { ensureBuilt, openXlsx, records, serve } from '../local/cli/run-cli';

const OVERDUE_CELL = '#grid td[style^="background:#f4c7c3"]';

let server: ChildProcessWithoutNullStreams;
let url: string;
let dir: string;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  ensureBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-playground-'));
  const served = serve(dir, ['--workbook', 'demo.xlsx', '--now', '2026-03-02T09:00']);
  server = served.child;
  url = await served.url;
  browser = await launchChromium({ width: 1400, height: 900 });
  page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector('#grid[data-tab="Clients"] tbody tr');
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

/** Every row of the grid (big tabs draw more rows as they scroll), as objects keyed by the header row's text. */
async function gridRows(): Promise<Record<string, string>[]> {
  return gridRowsFrom(0);
}

/** The rows under the header of the tab shown, as the grid says (drawn or not yet). */
async function dataRowCount(): Promise<number> {
  return Number(await page.getAttribute('#grid', 'data-rows')) - 1;
}

/** The last `n` rows of the grid, scrolled to and drawn as a reader would see them. */
async function lastGridRows(n: number): Promise<Record<string, string>[]> {
  return gridRowsFrom((await dataRowCount()) - n);
}

async function gridRowsFrom(first: number): Promise<Record<string, string>[]> {
  await page.waitForFunction(
    () => {
      const grid = document.getElementById('grid')!;
      const box = document.getElementById('grid-box')!;
      box.scrollTop = box.scrollHeight;
      return grid.dataset.shown === grid.dataset.rows;
    },
    undefined,
    { polling: 50 },
  );
  return page.$$eval(
    '#grid tbody tr',
    (trs, from) => {
      const text = (tr: Element) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? '');
      const headers = text(trs[0]);
      return trs.slice(1 + from).map((tr) => Object.fromEntries(text(tr).map((v, i) => [headers[i], v])));
    },
    first,
  );
}

async function showTab(name: string): Promise<void> {
  if ((await page.getAttribute('#tabs button[aria-selected="true"]', 'data-name')) === name) return;
  await page.click(`#tabs button:text-is("${name}")`);
  await page.waitForSelector(`#grid[data-tab="${name}"] tbody tr`);
}

test('serve made the demo workbook on first run and shows its tabs and the add-on menu', async () => {
  expect(fs.existsSync(path.join(dir, 'demo.xlsx'))).toBe(true);
  expect(await page.$$eval('#tabs button', (bs) => bs.map((b) => b.textContent))).toEqual([
    'Clients',
    'Contacts',
    'Team',
    'Changes',
    'Settings',
  ]);
  expect(await page.textContent('#menus')).toContain('Set up / upgrade sheets');
  expect(await page.textContent('#info')).toContain('today 2026-03-02 (Asia/Shanghai)');
});

test('the Clients grid shows overdue rows in red: exactly the leads (Active or Dormant) whose next follow-up has passed', async () => {
  await showTab('Clients');
  const rows = await gridRows();
  const overdueRows = await page.$$eval('#grid tbody tr', (trs) =>
    trs
      .filter((tr) => tr.querySelector('td[style^="background:#f4c7c3"]'))
      .map((tr) => Number((tr as HTMLElement).dataset.row)),
  );
  const expected = rows
    .map((r, i) => ({ r, row: i + 2 }))
    // Won, Lost and pooled clients are never overdue (docs/follow-up-state.md).
    .filter(
      ({ r }) =>
        r['Next follow-up'] !== '' && r['Next follow-up'] < '2026-03-02' && ['Active', 'Dormant'].includes(r.Status),
    )
    .map(({ row }) => row);
  expect(overdueRows.length).toBeGreaterThan(10);
  expect(overdueRows).toEqual(expected);
});

/**
 * The sidebar page (src/ui/pages/Sidebar) is being built alongside; this exercises the same path its
 * form takes — google.script.run inside an iframe of the playground — with a direct call.
 */
const SUMMARY = 'Sent the quote <img src=x onerror="window.pwned=1"> & the "terms"';

test('google.script.run from an iframe logs a contact: the Contacts grid grows by one row and the client’s Next follow-up changes', async () => {
  await showTab('Clients');
  const overdue = (await gridRows()).find(
    (r) => r.Status === 'Active' && r['Next follow-up'] !== '' && r['Next follow-up'] < '2026-03-02',
  );
  if (!overdue) throw new Error('the demo has no overdue active client');
  await showTab('Contacts');
  const contactsBefore = await dataRowCount();

  await page.evaluate(() => document.getElementById('sidebar')!.setAttribute('src', '/console'));
  const frame = await waitForFrame(page, '/console');
  const entry = {
    clientId: overdue.ID,
    channel: 'Phone',
    outcome: 'Reached',
    // markup in a summary is text in every cell that shows it
    summary: SUMMARY,
    nextFollowUp: '2026-03-09',
  };
  const result = await frame.evaluate(
    (e) =>
      new Promise<unknown>((resolve, reject) => {
        const run = (window as unknown as { google: { script: { run: Record<string, unknown> } } }).google.script.run;
        (
          (run.withSuccessHandler as (f: unknown) => Record<string, unknown>)(resolve).withFailureHandler as (
            f: unknown,
          ) => Record<string, (x: unknown) => void>
        )((error: Error) => reject(new Error(error.message))).logContact(e);
      }),
    entry,
  );
  expect(result).toMatchObject({ ok: true });

  await page.waitForFunction(
    (n) => document.querySelector<HTMLElement>('#grid[data-tab="Contacts"]')?.dataset.rows === String(n + 2),
    contactsBefore,
  );
  expect(await dataRowCount()).toBe(contactsBefore + 1);
  expect((await lastGridRows(1))[0]).toMatchObject({
    'Client ID': overdue.ID,
    Summary: SUMMARY,
    Outcome: 'Reached',
  });
  expect(await page.$$('#grid img')).toHaveLength(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();

  await showTab('Clients');
  const client = (await gridRows()).find((r) => r.ID === overdue.ID)!;
  expect(client['Next follow-up']).toBe('2026-03-09');
  expect(client['Last contact']).toBe('2026-03-02');

  const saved = await openXlsx(path.join(dir, 'demo.xlsx'));
  expect(records(saved, 'Contacts')).toHaveLength(contactsBefore + 1);
});

test('google.script.run refuses a Date argument, as Apps Script does, without calling the server', async () => {
  const frame = await waitForFrame(page, '/console');
  const message = await frame.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const run = (window as unknown as { google: { script: { run: Record<string, unknown> } } }).google.script.run;
        (run.withFailureHandler as (f: unknown) => Record<string, (x: unknown) => void>)((e: Error) =>
          resolve(e.message),
        ).searchClients(new Date());
      }),
  );
  expect(message).toMatch(/illegal value/);
});

test('logging a contact in the real sidebar: the Contacts grid grows by one row and the client’s Next follow-up changes', async () => {
  await showTab('Clients');
  const before = (await gridRows()).find(
    (r) => r.Status === 'Active' && r['Next follow-up'] !== '' && r['Next follow-up'] < '2026-03-02',
  );
  if (!before) throw new Error('the demo has no overdue active client');
  await showTab('Contacts');
  const contactsBefore = await dataRowCount();

  await page.evaluate(() => document.getElementById('sidebar')!.setAttribute('src', '/html/Sidebar'));
  const sidebar = await waitForFrame(page, '/html/Sidebar');
  await sidebar.click('#tab-log');
  await sidebar.fill('#client-search', before.ID);
  await sidebar.waitForSelector('#client-results li');
  await sidebar.press('#client-search', 'Enter');
  await sidebar.waitForSelector('#picked-client');
  await sidebar.selectOption('#log-outcome', 'reached');
  // A reached contact proposes the next date from the grade's interval; the user keeps it.
  await sidebar.waitForFunction(() => (document.getElementById('log-nextFollowUp') as HTMLInputElement).value !== '');
  const proposed = await sidebar.inputValue('#log-nextFollowUp');
  await sidebar.fill('#log-summary', 'Walked through the quote; they want a site visit');
  await sidebar.click('#log-save');
  await sidebar.waitForSelector('.banner.ok');

  await showTab('Contacts');
  await page.waitForFunction(
    (n) => document.querySelector<HTMLElement>('#grid[data-tab="Contacts"]')?.dataset.rows === String(n + 2),
    contactsBefore,
  );
  expect(await dataRowCount()).toBe(contactsBefore + 1);
  expect((await lastGridRows(1))[0]).toMatchObject({ 'Client ID': before.ID, Outcome: 'Reached' });

  await showTab('Clients');
  const after = (await gridRows()).find((r) => r.ID === before.ID)!;
  expect(proposed > '2026-03-02').toBe(true);
  expect(after['Next follow-up']).toBe(proposed);
  expect(after['Next follow-up']).not.toBe(before['Next follow-up']);
});

test('a menu button runs the menu item and shows its alert; a salesperson is told Setup is for directors', async () => {
  // The playground's user is 张伟, a salesperson on the demo team (docs/roles.md).
  await page.click('#menus button:text-is("Refresh grades and status")');
  await page.waitForSelector('#messages .message');
  expect(await page.textContent('#messages')).toMatch(/Refreshed \d+ clients/);
  await page.click('#menus button:text-is("Set up / upgrade sheets")');
  await page.waitForSelector('#messages .message:has-text("Only a director")');
  expect(await page.$$(OVERDUE_CELL)).not.toHaveLength(0);
});

/** The iframe once it shows `pathname` and its google.script.run is ready: a condition, not a fixed number of tries. */
async function waitForFrame(p: Page, pathname: string): Promise<Frame> {
  const shown = (f: Frame) => f.url().endsWith(pathname);
  const frame = p.frames().find(shown) ?? (await p.waitForEvent('framenavigated', { predicate: shown }));
  await frame.waitForFunction(() => 'google' in window);
  return frame;
}

test('a report tab shows every figure in full and its charts beside the figures, drawn from them (Sheets draws them; the playground must too)', async () => {
  await page.click('#menus button:text-is("Funnel")');
  await page.waitForSelector('#tabs button:text-is("Report · Funnel")');
  await showTab('Report · Funnel');
  await page.waitForSelector('#charts img.chart');
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll<HTMLImageElement>('#charts img.chart')).every((img) => img.complete),
  );
  const charts = await page.$$eval('#charts img.chart', (imgs) =>
    (imgs as HTMLImageElement[]).map((img) => ({
      alt: img.alt,
      decoded: img.complete && img.naturalWidth > 0,
      left: img.offsetLeft,
    })),
  );
  const figuresRight = await page.$eval('#grid', (table) => {
    // the right edge of the last column holding a value
    let right = 0;
    for (const td of Array.from(table.querySelectorAll('td'))) {
      if ((td.textContent ?? '') !== '')
        right = Math.max(right, (td as HTMLElement).offsetLeft + (td as HTMLElement).offsetWidth);
    }
    return right;
  });
  // Drawn in Sheets' own font (Arial's metrics), no figure is cut off: the widths the report set fit them.
  const clipped = await page.$$eval('#grid td', (tds) =>
    (tds as HTMLElement[])
      .filter((td) => (td.getAttribute('style') ?? '').includes('text-align:right') && td.scrollWidth > td.clientWidth)
      .map((td) => td.textContent),
  );
  expect(clipped).toEqual([]);
  expect(charts.length).toBeGreaterThan(0);
  for (const chart of charts) {
    expect(chart.alt).not.toBe('');
    expect(chart.decoded).toBe(true);
    expect(chart.left).toBeGreaterThanOrEqual(figuresRight);
  }
});

test('a dialog (Preview my email) sits above the grid: nothing of the sheet shows through it', async () => {
  await showTab('Clients');
  await page.click('#menus button:text-is("Preview my email")');
  await page.waitForSelector('#dialog.open');
  const covered = await page.$eval('#dialog .box', (box) => {
    const r = box.getBoundingClientRect();
    const points: [number, number][] = [];
    for (let x = 0.05; x < 1; x += 0.1)
      for (let y = 0.05; y < 1; y += 0.1) points.push([r.left + x * r.width, r.top + y * r.height]);
    return points.filter(([x, y]) => !box.contains(document.elementFromPoint(x, y))).length;
  });
  await page.click('#dialog-close');
  expect(covered).toBe(0);
});
