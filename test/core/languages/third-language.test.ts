/**
 * A language is one catalogue file plus one line in the registry (docs/how-to-add.md, "A language").
 * These tests add a made-up third language the way a person would — a new file beside en.ts and
 * zh-CN.ts, and its line in CATALOGUES of src/core/i18n.ts — without writing either to disk: the
 * compiler reads them from memory over the real sources. A catalogue missing one word does not
 * compile, and the error names the word; the complete one compiles, and its code is a Lang at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { EN } from '../../../src/core/languages/en';

const CORE = path.resolve(__dirname, '../../../src/core');
const REGISTRY = path.join(CORE, 'i18n.ts');
const FAKE = path.join(CORE, 'languages/xx.ts');
const USE = path.join(CORE, 'languages/xx-use.ts');

/** The made-up catalogue's source: every English word (marked), less the keys in `drop`. */
function fakeCatalogue(drop: readonly string[]): string {
  const words = Object.entries(EN.words)
    .filter(([key]) => !drop.includes(key))
    .map(([key, text]) => `    ${JSON.stringify(key)}: ${JSON.stringify(`[xx] ${text}`)},`);
  return [
    "import type { Catalogue } from './catalogue';",
    '',
    'export const XX = {',
    '  locale: /^\\s*xx(?:[-_]|$)/i,',
    "  listSeparator: ' / ',",
    "  sentenceSeparator: ' ',",
    "  languageNames: { xx: 'Xx' },",
    '  languageAliases: [],',
    '  words: {',
    ...words,
    '  },',
    '};',
    '',
  ].join('\n');
}

/** src/core/i18n.ts with the third language's import and its line in the registry. */
function registryWithThird(): string {
  const source = fs.readFileSync(REGISTRY, 'utf8');
  const line = "const CATALOGUES = { en: EN, 'zh-CN': ZH_CN } as const";
  expect(source).toContain(line);
  return source
    .replace(line, "const CATALOGUES = { en: EN, 'zh-CN': ZH_CN, xx: XX } as const")
    .replace(
      "import { ZH_CN } from './languages/zh-CN';",
      "import { ZH_CN } from './languages/zh-CN';\nimport { XX } from './languages/xx';",
    );
}

/** Code that uses the new language: it must be a Lang with nothing else changed. */
const USE_SOURCE = [
  "import { type Lang, joinList, t } from '../i18n';",
  "const lang: Lang = 'xx';",
  "export const line = joinList([t(lang, 'menu.setup'), t(lang, 'tab.clients')], lang);",
  '',
].join('\n');

/** Type errors of the registry, the fake catalogue and its use, with those files read from memory. */
function typeErrors(fake: string): string[] {
  const files = new Map([
    [REGISTRY, registryWithThird()],
    [FAKE, fake],
    [USE, USE_SOURCE],
  ]);
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
  const fileExists = host.fileExists.bind(host);
  host.readFile = (name) => files.get(path.resolve(name)) ?? readFile(name);
  host.fileExists = (name) => files.has(path.resolve(name)) || fileExists(name);
  const program = ts.createProgram([REGISTRY, FAKE, USE], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map(
      (d) =>
        `${d.file ? path.relative(CORE, d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
    );
}

test('a third catalogue missing one word does not compile, and the error names the word', () => {
  const errors = typeErrors(fakeCatalogue(['setup.tabCreated']));
  expect(errors.length).toBeGreaterThan(0);
  expect(errors.join('\n')).toMatch(/Property '"setup\.tabCreated"' is missing/);
});

test('a label is a word like any other: a catalogue without a column header does not compile', () => {
  const errors = typeErrors(fakeCatalogue(['column.clients.name']));
  expect(errors.join('\n')).toMatch(/Property '"column\.clients\.name"' is missing/);
});

test('the complete third catalogue compiles with its one registry line, and its code is a Lang at once', () => {
  expect(typeErrors(fakeCatalogue([]))).toEqual([]);
});
