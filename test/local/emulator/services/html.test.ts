// Sources: https://developers.google.com/apps-script/guides/html/templates ,
// https://developers.google.com/apps-script/reference/html/html-output ,
// https://developers.google.com/apps-script/reference/html/sandbox-mode (setSandboxMode does nothing)
import { htmlFiles } from '../../../../src/local/emulator/services';
import { newEnv, NOT_ENABLED, start } from './harness';

describe('HtmlService', () => {
  test('an HtmlOutput carries content, title, size and meta tags', () => {
    const { g } = start(newEnv());
    const out = g.HtmlService.createHtmlOutput('<p>a</p>')
      .append('<p>b</p>')
      .setTitle('Clients')
      .setWidth(400)
      .setHeight(300)
      .setSandboxMode(g.HtmlService.SandboxMode.IFRAME)
      .setXFrameOptionsMode(g.HtmlService.XFrameOptionsMode.ALLOWALL)
      .addMetaTag('viewport', 'width=device-width');
    expect(out.getContent()).toBe('<p>a</p><p>b</p>');
    expect([out.getTitle(), out.getWidth(), out.getHeight()]).toEqual(['Clients', 400, 300]);
    expect(out.getMetaTags().map((t) => [t.getName(), t.getContent()])).toEqual([['viewport', 'width=device-width']]);
    expect(out.setContent('x').appendUntrusted('<b>').getContent()).toBe('x&#60;b&#62;');
  });

  test('files come from the registry, with or without .html', () => {
    const env = newEnv();
    htmlFiles(env).set('Sidebar', '<h1>Sidebar</h1>');
    const { g } = start(env);
    expect(g.HtmlService.createHtmlOutputFromFile('Sidebar').getContent()).toBe('<h1>Sidebar</h1>');
    expect(g.HtmlService.createHtmlOutputFromFile('Sidebar.html').getContent()).toBe('<h1>Sidebar</h1>');
    expect(() => g.HtmlService.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
  });

  test('templates: <?= ?> escapes, <?!= ?> prints raw, <? ?> runs code with template properties in scope', () => {
    const env = newEnv();
    htmlFiles(env).set(
      'List',
      '<h1><?= title ?></h1><? for (const c of clients) { ?><li><?= c ?></li><? } ?><?!= footer ?>',
    );
    const { g } = start(env);
    const t = g.HtmlService.createTemplateFromFile('List');
    t.title = 'A & B <script>';
    t.clients = ['张三', '<i>x</i>'];
    t.footer = '<footer>raw</footer>';
    expect(t.evaluate().getContent()).toBe(
      '<h1>A &#38; B &#60;script&#62;</h1><li>张三</li><li>&#60;i&#62;x&#60;/i&#62;</li><footer>raw</footer>',
    );
  });

  test('scriptlets may append to output themselves', () => {
    const { g } = start(newEnv());
    const t = g.HtmlService.createTemplate('a<? output.append("b"); ?>c<?= n + 1 ?>');
    t.n = 1;
    expect(t.evaluate().getContent()).toBe('abc2');
    expect(g.HtmlService.createHtmlOutput(t).getContent()).toBe('abc2');
  });

  test('HtmlService works in AuthMode.NONE', () => {
    const { g } = start(newEnv(), NOT_ENABLED);
    expect(g.HtmlService.createHtmlOutput('x').getContent()).toBe('x');
  });
});
