/**
 * The Log contact entry is read off the Contacts columns (src/core/schema.ts): a column added there
 * is a field of what the sidebar sends at once, and every door that must say what becomes of it — the
 * form's values and its order, the server's check and the Contacts row it writes — does not compile
 * until it does, each error naming the column. Like test/core/languages/third-language.test.ts, the
 * compiler reads the edited schema from memory over the real sources; nothing is written to disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');
const SCHEMA = path.join(ROOT, 'src/core/schema.ts');
const USE = path.join(ROOT, 'src/contract/entry-use.ts');
const DOORS = [
  'src/contract/types.ts',
  'src/ui/log-form.ts',
  'src/ui/sidebar/log-view.ts',
  'src/gas/sidebar/log-contact.ts',
  'src/gas/import/write.ts',
  'src/core/import/batches.ts',
].map((f) => path.join(ROOT, f));

/** The schema with one more Contacts column, placed before Stage after as a person would add it. */
function schemaWithColumn(): string {
  const source = fs.readFileSync(SCHEMA, 'utf8');
  const anchor = "  {\n    key: 'stageAfter',";
  expect(source.split(anchor)).toHaveLength(2);
  // Its header borrows Summary's words, so the only thing new is the column itself.
  const added =
    "  {\n    key: 'mood',\n    label: 'column.contacts.summary',\n    aliases: [],\n    type: 'text',\n    width: 100,\n  },\n";
  return source.replace(anchor, added + anchor);
}

/** Code that sends the new field: it compiles when the field is a field of the entry. */
const USE_SOURCE = [
  "import type { LogContactEntry } from './types';",
  "export const entry: LogContactEntry = { clientId: 'C-1', channel: 'phone', outcome: 'reached', mood: 'calm' };",
  '',
].join('\n');

function typeErrors(schema: string | null): string[] {
  const files = new Map<string, string>([[USE, USE_SOURCE]]);
  if (schema !== null) files.set(SCHEMA, schema);
  const config = ts.parseJsonConfigFileContent(
    ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), (f) => ts.sys.readFile(f)).config,
    ts.sys,
    ROOT,
  );
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (name) => files.get(path.resolve(name)) ?? readFile(name);
  host.fileExists = (name) => files.has(path.resolve(name)) || fileExists(name);
  const program = ts.createProgram([...DOORS, USE], config.options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map(
      (d) =>
        `${d.file ? path.relative(ROOT, d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
    );
}

const withMood = typeErrors(schemaWithColumn());
const byFile = (file: string): string[] => withMood.filter((e) => e.startsWith(`${file}:`));

test('the schema as it is: the entry has no such field (the use does not compile), and nothing else fails', () => {
  const errors = typeErrors(null);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(/^src\/contract\/entry-use\.ts: .*'mood'/);
});

test('a Contacts column added to the schema is a field of the entry at once', () => {
  expect(byFile('src/contract/entry-use.ts')).toEqual([]);
});

test('the form does not compile until it holds the new field and places it, each error naming it', () => {
  const errors = byFile('src/ui/log-form.ts');
  expect(errors.length).toBeGreaterThanOrEqual(2);
  for (const e of errors) expect(e).toMatch(/mood/);
});

test('the server’s check and the Contacts row it writes do not compile until they say what becomes of it', () => {
  const errors = byFile('src/gas/sidebar/log-contact.ts');
  expect(errors.length).toBeGreaterThanOrEqual(2);
  for (const e of errors) expect(e).toMatch(/mood/);
});

test('nothing else breaks: the errors are the form’s and the server’s only', () => {
  const files = new Set(withMood.map((e) => e.split(':')[0]));
  expect([...files].sort()).toEqual(['src/gas/sidebar/log-contact.ts', 'src/ui/log-form.ts']);
});
