/**
 * The demo workbook as a manager would print it from LibreOffice: the .xlsx the local runtime writes
 * opens there and prints with its own page setup (landscape, fit to width, repeated headers:
 * src/local/xlsx/presentation.ts), and the seven report tabs take a number of pages a manager
 * accepts. LibreOffice (Debian's libreoffice-calc-nogui) renders it to PDF; .ci/run installs it. On a
 * machine without it the test says so in one line and is skipped, except under CI=true, where it fails.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cli, ensureBuilt, tempDir } from '../cli/run-cli';

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p)) ?? null;
if (soffice === null && process.env.CI !== 'true') {
  process.stderr.write(
    '\n*** LIBREOFFICE TEST SKIPPED: no soffice. Install it with: sudo apt-get install -y --no-install-recommends libreoffice-calc-nogui ***\n\n',
  );
}
const maybe = soffice === null && process.env.CI !== 'true' ? test.skip : test;

/** Pages of the PDF LibreOffice prints the workbook to. */
function printedPages(dir: string, workbook: string): number {
  const profile = `file://${path.join(dir, 'lo-profile')}`;
  const run = spawnSync(
    soffice ?? 'soffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, workbook],
    { encoding: 'utf8', timeout: 180_000 },
  );
  const pdf = path.join(dir, `${path.basename(workbook, '.xlsx')}.pdf`);
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice printed no PDF: ${run.stderr || run.stdout}`);
  return (fs.readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

maybe(
  'LibreOffice prints the demo: the seven report tabs in at most 28 landscape pages, beside the register',
  () => {
    ensureBuilt();
    const dir = tempDir();
    expect(cli(dir, ['demo', '--workbook', 'base.xlsx']).code).toBe(0);
    fs.copyFileSync(path.join(dir, 'base.xlsx'), path.join(dir, 'reports.xlsx'));
    fs.copyFileSync(path.join(dir, 'base.xlsx.ct-state.json'), path.join(dir, 'reports.xlsx.ct-state.json'));
    const reports = cli(dir, ['reports', '--workbook', 'reports.xlsx', '--user', 'wang.jianguo@example.com']);
    expect(reports.stdout + reports.stderr).toContain('Report ready');
    const base = printedPages(dir, path.join(dir, 'base.xlsx'));
    const withReports = printedPages(dir, path.join(dir, 'reports.xlsx'));
    process.stdout.write(
      `LibreOffice: the demo prints in ${withReports} pages, the report tabs in ${withReports - base}\n`,
    );
    expect(base).toBeGreaterThan(0);
    expect(withReports - base).toBeGreaterThanOrEqual(7);
    expect(withReports - base).toBeLessThanOrEqual(28);
    execFileSync('rm', ['-rf', dir]);
  },
  300_000,
);
