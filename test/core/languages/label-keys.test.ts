/**
 * A label's catalogue key is read off the key of what it labels (docs/how-to-add.md, "A language"):
 * a column, a tab, a list item and a setting name no words of their own. These tests add one of each
 * the way a person would, without its words in the catalogues, and show that each does not compile,
 * the error naming the word to add, while the sources as they are compile. The compiler
 * reads the edited sources from memory over the real ones; nothing is written to disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const CORE = path.resolve(__dirname, '../../../src/core');
const SCHEMA = path.join(CORE, 'schema.ts');
const LISTS = path.join(CORE, 'lists.ts');
const SETTINGS = path.join(CORE, 'settings.ts');

function edited(file: string, anchor: string, insert: string): string {
  const source = fs.readFileSync(file, 'utf8');
  expect(source.split(anchor)).toHaveLength(2);
  return source.replace(anchor, insert + anchor);
}

/** The core with a Team column, a report tab, a reason and a setting added under the given keys. */
function withAdditions(keys: { column: string; tab: string; item: string; setting: string }): Map<string, string> {
  const schema = edited(
    SCHEMA,
    "  {\n    key: 'manager',",
    `  {\n    key: '${keys.column}',\n    aliases: [],\n    type: 'person',\n    width: 120,\n  },\n`,
  )
    .replace("export type ReportName = 'daily'", `export type ReportName = '${keys.tab}' | 'daily'`)
    .replace('  daily: { aliases:', `  ${keys.tab}: { aliases: [] },\n  daily: { aliases:`);
  const lists = edited(LISTS, "    { code: 'gift',", `    { code: '${keys.item}', aliases: [] },\n`);
  const settings = edited(
    SETTINGS,
    "  setting({\n    key: 'bWindow',",
    `  setting({\n    key: '${keys.setting}',\n    default: 1,\n    type: DAYS,\n  }),\n`,
  );
  return new Map([
    [SCHEMA, schema],
    [LISTS, lists],
    [SETTINGS, settings],
  ]);
}

function typeErrors(files: Map<string, string>): string[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2020,
    lib: ['lib.es2020.d.ts'],
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => files.get(path.resolve(name)) ?? readFile(name);
  const program = ts.createProgram([SCHEMA, LISTS, SETTINGS], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map(
      (d) =>
        `${d.file ? path.relative(CORE, d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
    );
}

test('a column, a tab, a list item and a setting without their words do not compile, each error naming the word', () => {
  const errors = typeErrors(withAdditions({ column: 'deputy', tab: 'weekly', item: 'coffee', setting: 'cWindow' }));
  const text = errors.join('\n');
  expect(text).toMatch(/schema\.ts: .*"column\.team\.deputy"/);
  expect(text).toMatch(/schema\.ts: .*"tab\.weekly"/);
  expect(text).toMatch(/lists\.ts: .*"list\.reasons\.coffee"/);
  expect(text).toMatch(/settings\.ts: .*"setting\.cWindow"/);
  expect(text).toMatch(/settings\.ts: .*"setting\.cWindow\.help"/);
});

test('the sources as they are compile: the errors above are the additions’ only', () => {
  expect(typeErrors(new Map())).toEqual([]);
});
