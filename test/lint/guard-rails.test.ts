/**
 * The layering rules hold at any depth: ESLint (eslint.config.mjs) refuses a core file — even one in
 * src/core/reports/ — that imports the adapters, the server or the local runtime, or names an Apps
 * Script type, and a sidebar file that imports the adapters. Each case is linted as if it were that
 * file, through the project's own config.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const ESLINT = path.join(ROOT, 'node_modules/.bin/eslint');

/** The rule ids ESLint reports for `code` as the file `file`. */
function ruleIds(file: string, code: string): string[] {
  let out: string;
  try {
    out = execFileSync(ESLINT, ['--format', 'json', '--stdin', '--stdin-filename', file], {
      cwd: ROOT,
      input: code,
      encoding: 'utf8',
    });
  } catch (e) {
    out = (e as { stdout: string }).stdout; // ESLint exits 1 when it finds errors
  }
  const results = JSON.parse(out) as { messages: { ruleId: string | null }[] }[];
  return results.flatMap((r) => r.messages.map((m) => m.ruleId ?? 'parse'));
}

describe('layering, enforced by the linter', () => {
  test('a core file two folders down may not import the adapters, the server or the local runtime', () => {
    for (const target of ['../../gas/lock', '../../server/api', '../../local/runner']) {
      expect(ruleIds('src/core/reports/x.ts', `import { a } from '${target}';\nexport const b = a;\n`)).toContain(
        'no-restricted-imports',
      );
    }
  });
  test('nor the folder itself, which resolves to its index.ts (src/server/index.ts is the exposures)', () => {
    for (const target of ['../../server', '../gas', '../../local']) {
      expect(ruleIds('src/core/reports/x.ts', `import { a } from '${target}';\nexport const b = a;\n`)).toContain(
        'no-restricted-imports',
      );
    }
    expect(ruleIds('src/ui/sidebar/x.ts', "import { a } from '../../gas';\nexport const b = a;\n")).toContain(
      'no-restricted-imports',
    );
  });
  test('a sidebar file may take the server’s types but not its code, which pulls the adapters in', () => {
    expect(ruleIds('src/ui/x.ts', "import { api } from '../server/api';\nexport const b = api;\n")).toContain(
      '@typescript-eslint/no-restricted-imports',
    );
    expect(
      ruleIds('src/ui/x.ts', "import type { ServerApi } from '../server/api';\nexport type B = ServerApi;\n"),
    ).toEqual([]);
  });
  test('a core file may not name a GoogleAppsScript type', () => {
    const code = 'export function f(s: GoogleAppsScript.Spreadsheet.Sheet): unknown {\n  return s;\n}\n';
    expect(ruleIds('src/core/digest/x.ts', code)).toContain('no-restricted-syntax');
  });
  test('a sidebar file may not import the adapters', () => {
    expect(ruleIds('src/ui/sidebar/x.ts', "import { a } from '../../gas/lock';\nexport const b = a;\n")).toContain(
      'no-restricted-imports',
    );
  });
  test('and the same code is fine where it belongs (the rules are not simply refusing everything)', () => {
    expect(ruleIds('src/gas/x.ts', "import { a } from './lock';\nexport const b = a;\n")).toEqual([]);
    expect(ruleIds('src/core/reports/x.ts', "import { a } from '../dates';\nexport const b = a;\n")).toEqual([]);
  });
});
