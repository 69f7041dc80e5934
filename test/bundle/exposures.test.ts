/**
 * The built file is what Apps Script runs: every name src/server/index.ts exposes must be a top-level
 * function declaration in dist/Code.js (Apps Script only sees those — menu handlers, triggers and
 * google.script.run targets), and nothing else may be.
 * https://developers.google.com/apps-script/guides/html/communication (server functions are top-level)
 */
import fs from 'node:fs';
import path from 'node:path';
import * as acorn from 'acorn';
import ts from 'typescript';
import { EXPOSURES } from '../../src/server/exposures';
import { distDir } from '../helpers/bundle';

function exposedNames(): string[] {
  const file = path.join(__dirname, '..', '..', 'src', 'server', 'index.ts');
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2020, true);
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      /^\(?global\b/.test(node.left.expression.getText())
    ) {
      names.push(node.left.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

function topLevelFunctions(code: string): string[] {
  const program = acorn.parse(code, { ecmaVersion: 2020, sourceType: 'script' });
  return program.body.flatMap((n) => (n.type === 'FunctionDeclaration' && n.id ? [n.id.name] : []));
}

describe('dist/Code.js', () => {
  const code = fs.readFileSync(path.join(distDir, 'Code.js'), 'utf8');

  test('parses as ES2020 script (what the V8 runtime loads)', () => {
    expect(() => acorn.parse(code, { ecmaVersion: 2020, sourceType: 'script' })).not.toThrow();
  });

  test('every exposed name is a top-level function declaration, and there are no others', () => {
    const exposed = exposedNames();
    expect(exposed.length).toBeGreaterThan(0);
    expect(new Set(topLevelFunctions(code))).toEqual(new Set(exposed));
  });

  test('every exposure has a row in the roles table (src/server/exposures.ts, docs/roles.md), and no row is left over', () => {
    expect(new Set(exposedNames())).toEqual(new Set(Object.keys(EXPOSURES)));
  });

  test('the manifest is copied and names no add-on section and only narrow scopes', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.addOns).toBeUndefined();
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/script.send_mail',
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
  });
});
