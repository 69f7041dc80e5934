/**
 * HtmlService: HTML outputs and templates for sidebars and dialogs, read from the project's .html files.
 *
 * Sources: https://developers.google.com/apps-script/guides/html/templates (`<? ?>` runs code, `<?= ?>`
 * prints escaped, `<?!= ?>` prints raw, template properties are in scope at evaluate()),
 * https://developers.google.com/apps-script/reference/html/html-output (setSandboxMode does nothing: only
 * IFRAME exists). The bundle loader fills `htmlFiles(env)` from dist/*.html, keyed without ".html".
 */
import { AppsScriptException, type EnvironmentState, type Execution } from '../runtime';
import { serviceState } from './state';

export function htmlFiles(env: EnvironmentState): Map<string, string> {
  return serviceState(env, 'htmlFiles', () => new Map<string, string>());
}

export const SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;
export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;

export interface HtmlOutputData {
  content: string;
  title: string;
  width: number | null;
  height: number | null;
  xFrameOptionsMode: string;
  metaTags: { name: string; content: string }[];
}

export interface HtmlOutput {
  getContent(): string;
  setContent(content: string): HtmlOutput;
  append(addedContent: string): HtmlOutput;
  appendUntrusted(addedContent: string): HtmlOutput;
  clear(): HtmlOutput;
  getTitle(): string;
  setTitle(title: string): HtmlOutput;
  getWidth(): number | null;
  setWidth(width: number): HtmlOutput;
  getHeight(): number | null;
  setHeight(height: number): HtmlOutput;
  setSandboxMode(mode: string): HtmlOutput;
  setXFrameOptionsMode(mode: string): HtmlOutput;
  addMetaTag(name: string, content: string): HtmlOutput;
  getMetaTags(): { getName(): string; getContent(): string }[];
}

export interface HtmlTemplate {
  evaluate(): HtmlOutput;
  getRawContent(): string;
  getCode(): string;
  /** properties set on the template are in scope at evaluate() */
  [name: string]: unknown;
}

export interface HtmlServiceApi {
  SandboxMode: typeof SandboxMode;
  XFrameOptionsMode: typeof XFrameOptionsMode;
  createHtmlOutput(html?: string | HtmlTemplate): HtmlOutput;
  createHtmlOutputFromFile(filename: string): HtmlOutput;
  createTemplate(html: string): HtmlTemplate;
  createTemplateFromFile(filename: string): HtmlTemplate;
}

const outputs = new WeakMap<object, HtmlOutputData>();

/** An output's data without counting calls, for Ui.showSidebar and friends; null if not an HtmlOutput. */
export function readHtmlOutput(value: unknown): HtmlOutputData | null {
  return (typeof value === 'object' && value !== null && outputs.get(value)) || null;
}

export function escapeHtml(value: unknown): string {
  if (value === undefined || value === null) return '';
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function createHtmlOutput(exec: Execution, content: string): HtmlOutput {
  const data: HtmlOutputData = {
    content,
    title: '',
    width: null,
    height: null,
    xFrameOptionsMode: 'DEFAULT',
    metaTags: [],
  };
  const call = (method: string): void => exec.call(`HtmlOutput.${method}`, 'html');
  const out: HtmlOutput = {
    getContent: () => (call('getContent'), data.content),
    setContent: (c) => (call('setContent'), (data.content = String(c)), out),
    append: (c) => (call('append'), (data.content += String(c)), out),
    appendUntrusted: (c) => (call('appendUntrusted'), (data.content += escapeHtml(c)), out),
    clear: () => (call('clear'), (data.content = ''), out),
    getTitle: () => (call('getTitle'), data.title),
    setTitle: (t) => (call('setTitle'), (data.title = String(t)), out),
    getWidth: () => (call('getWidth'), data.width),
    setWidth: (w) => (call('setWidth'), (data.width = Number(w)), out),
    getHeight: () => (call('getHeight'), data.height),
    setHeight: (h) => (call('setHeight'), (data.height = Number(h)), out),
    setSandboxMode: () => (call('setSandboxMode'), out),
    setXFrameOptionsMode: (m) => (call('setXFrameOptionsMode'), (data.xFrameOptionsMode = String(m)), out),
    addMetaTag: (name, c) => (call('addMetaTag'), data.metaTags.push({ name: String(name), content: String(c) }), out),
    getMetaTags: () => (
      call('getMetaTags'),
      data.metaTags.map((t) => ({ getName: () => t.name, getContent: () => t.content }))
    ),
  };
  outputs.set(out, data);
  return out;
}

const SCRIPTLET = /<\?(!=|=)?([\s\S]*?)\?>/g;

/** Turns template source into the body of a function that emits into the output being built. */
export function compileTemplate(source: string): string {
  const lines: string[] = [];
  let last = 0;
  for (const m of source.matchAll(SCRIPTLET)) {
    const at = m.index ?? 0;
    if (at > last) lines.push(`__emit(${JSON.stringify(source.slice(last, at))});`);
    const code = m[2].trim().replace(/;+$/, '');
    if (m[1] === '=') lines.push(`__emit(__escape(${code}));`);
    else if (m[1] === '!=') lines.push(`__emit(__raw(${code}));`);
    else lines.push(m[2]);
    last = at + m[0].length;
  }
  if (last < source.length) lines.push(`__emit(${JSON.stringify(source.slice(last))});`);
  return lines.join('\n');
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const TEMPLATE_METHODS = new Set(['evaluate', 'getRawContent', 'getCode']);

function createTemplate(exec: Execution, source: string): HtmlTemplate {
  const template = {} as HtmlTemplate;
  const hidden = (name: string, fn: () => unknown): void => {
    Object.defineProperty(template, name, { value: fn, enumerable: false });
  };
  hidden('getRawContent', () => (exec.call('HtmlTemplate.getRawContent', 'html'), source));
  hidden('getCode', () => (exec.call('HtmlTemplate.getCode', 'html'), compileTemplate(source)));
  hidden('evaluate', () => {
    exec.call('HtmlTemplate.evaluate', 'html');
    const names = Object.keys(template).filter((k) => IDENTIFIER.test(k) && !TEMPLATE_METHODS.has(k));
    const output = createHtmlOutput(exec, '');
    const data = outputs.get(output) as HtmlOutputData;
    const emit = (text: string): void => {
      data.content += text;
    };
    const raw = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
    // Template code is the project's own HTML file, run like the server code it ships with;
    // scriptlets may also call output.append() themselves.
    const params = ['output', '__emit', '__escape', '__raw', ...names];
    const run = new Function(...params, compileTemplate(source)) as (...args: unknown[]) => void;
    run(output, emit, escapeHtml, raw, ...names.map((n) => template[n]));
    return output;
  });
  return template;
}

function fileContent(exec: Execution, filename: string): string {
  const name = String(filename).replace(/\.html$/, '');
  const content = htmlFiles(exec.env).get(name);
  if (content === undefined) throw new AppsScriptException(`No HTML file named ${name} was found.`);
  return content;
}

export function createHtmlService(exec: Execution): HtmlServiceApi {
  return {
    SandboxMode,
    XFrameOptionsMode,
    createHtmlOutput(html) {
      exec.call('HtmlService.createHtmlOutput', 'html');
      if (typeof html === 'object' && html !== null) return html.evaluate();
      return createHtmlOutput(exec, html === undefined ? '' : String(html));
    },
    createHtmlOutputFromFile(filename) {
      exec.call('HtmlService.createHtmlOutputFromFile', 'html');
      return createHtmlOutput(exec, fileContent(exec, filename));
    },
    createTemplate(html) {
      exec.call('HtmlService.createTemplate', 'html');
      return createTemplate(exec, String(html));
    },
    createTemplateFromFile(filename) {
      exec.call('HtmlService.createTemplateFromFile', 'html');
      return createTemplate(exec, fileContent(exec, filename));
    },
  };
}
