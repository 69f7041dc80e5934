/**
 * The "why" travels with the code: a comment in src/ cites documents in the repository only
 * (docs/<file>.md, optionally #section), never a document kept elsewhere or an issue number, and
 * every docs file and section it cites exists.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|mjs)$/.test(entry.name) ? [full] : [];
  });
}

/** Every comment of a file, as the TypeScript parser sees them (not text inside strings). */
function comments(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const seen = new Map<number, string>();
  const collect = (ranges: ts.CommentRange[] | undefined): void => {
    for (const r of ranges ?? []) seen.set(r.pos, text.slice(r.pos, r.end));
  };
  const visit = (node: ts.Node): void => {
    collect(ts.getLeadingCommentRanges(text, node.pos));
    collect(ts.getTrailingCommentRanges(text, node.end));
    node.forEachChild(visit);
  };
  visit(source);
  collect(ts.getLeadingCommentRanges(text, source.endOfFileToken.pos));
  return [...seen.values()];
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

function anchors(doc: string): Set<string> {
  const text = fs.readFileSync(path.join(ROOT, doc), 'utf8');
  const found = new Set<string>();
  for (const m of text.matchAll(/^#{1,6} (.+)$/gm)) found.add(slug(m[1]));
  for (const m of text.matchAll(/<a id="([^"]+)"><\/a>/g)) found.add(m[1]);
  return found;
}

const FILES = sourceFiles(path.join(ROOT, 'src'));
const COMMENTS = FILES.map((file) => ({ file: path.relative(ROOT, file), texts: comments(file) }));

describe('comments cite the documents in the repository', () => {
  test('src/ has comments to check', () => {
    expect(COMMENTS.reduce((n, c) => n + c.texts.length, 0)).toBeGreaterThan(1000);
  });

  test('no comment cites APPS_SCRIPT.md, DOMAIN.md or an issue by number', () => {
    const outside = (t: string): boolean => /APPS_SCRIPT|\bDOMAIN\b/.test(t) || /\bissues? #?\d+/i.test(t);
    const offending = COMMENTS.flatMap(({ file, texts }) =>
      texts.filter(outside).map((t) => `${file}: ${t.slice(0, 120)}`),
    );
    expect(offending).toEqual([]);
  });

  test('every docs/<file>.md a comment cites exists, and so does the section it names', () => {
    const missing: string[] = [];
    for (const { file, texts } of COMMENTS) {
      for (const text of texts) {
        for (const m of text.matchAll(/\bdocs\/([\w-]+\.md)(?:#([\w-]+))?/g)) {
          const doc = `docs/${m[1]}`;
          if (!fs.existsSync(path.join(ROOT, doc))) missing.push(`${file}: ${doc}`);
          else if (m[2] !== undefined && !anchors(doc).has(m[2])) missing.push(`${file}: ${doc}#${m[2]}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  test('a cited section is found by its heading or its anchor', () => {
    expect(anchors('docs/domain.md').has('the-sheet-is-an-entry-point-too')).toBe(true);
    expect(anchors('docs/apps-script.md').has('item-24')).toBe(true);
    expect(anchors('docs/domain.md').has('no-such-section')).toBe(false);
  });
});
