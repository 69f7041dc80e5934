/**
 * The playground's HTTP server (node:http, localhost only). One session on one workbook: the page
 * reads tabs as grids, menu buttons run menu items, the sidebar's google.script.run calls run the
 * same bundle on the same spreadsheet, and every run that changed something is saved to the file,
 * with the mail it sent written to the outbox in the same change. Requests are handled one at a time,
 * as one spreadsheet's executions would be, and each holds the workbook's lock while it runs: a CLI
 * command on the same file waits for it, and a request that finds the file changed by someone else
 * since it last looked loads it again first, so neither ever saves over the other.
 */
import { inLanguage } from '../../core/html-lang';
import { langFromLocale } from '../../core/i18n';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { cliText, cliTextIn } from '../cli/messages';
import { emlFileName, toEml } from '../eml';
import { uiState } from '../emulator/services';
import { setCursor, wallClock } from '../emulator/spreadsheet';
import { DEFAULT_WAIT_MS, Session, WorkbookError, diskStamp, type Feedback, type OpenOptions } from '../session';
import { lockWorkbook, WorkbookBusyError } from '../workbook-lock';
import { tabGrid } from './grid';
import { MAX_FILE_BYTES, insertListTabs, readPickedFile, tooBig } from './import-file';
import { PAGE } from './page';
import { withShim } from './shim';

export interface Playground {
  url: string;
  /** what opening the workbook said (an interrupted save finished, a new time zone) */
  notes: string[];
  close(): Promise<void>;
}

export interface PlaygroundOptions extends OpenOptions {
  /** where the mail the add-on sends is written as .eml files (default: outbox/ beside the workbook) */
  outbox?: string;
}

interface Reply {
  status: number;
  type: string;
  body: string;
}

const SIDEBAR_FILE = 'Sidebar';

/** The menu item whose dialog a picked file opens (src/gas/menu.ts). */
const IMPORT_MENU = 'menuImport';

/** An empty page with google.script.run, for calling server functions by hand from the browser console. */
const CONSOLE =
  '<!doctype html><html><head><meta charset="utf-8"><title>google.script.run console</title></head>' +
  '<body><p>Open the browser console and call <code>google.script.run.withSuccessHandler(console.log).searchClients("a")</code>.</p></body></html>';

export async function startPlayground(options: PlaygroundOptions, port: number): Promise<Playground> {
  const workbook = new SharedWorkbook(options);
  const notes = await workbook.use(async (session) => {
    session.openFile();
    // what opening changed (a new time zone, a first owner) is saved at once, not with the first click
    await workbook.save(session);
    return session.notes;
  });
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };

  const server = http.createServer((req, res) => {
    void readBody(req)
      .then((body) =>
        body === null
          ? json(413, {
              ok: false,
              error: cliText('importFileTooBig', { file: req.url ?? '/', limit: String(MAX_FILE_MB) }),
            })
          : serial(() => route(workbook, req.method ?? 'GET', req.url ?? '/', body)),
      )
      .catch((error: unknown) => json(500, { ok: false, error: messageOf(error) }))
      .then((reply) => {
        res.writeHead(reply.status, { 'content-type': reply.type, 'cache-control': 'no-store' });
        res.end(reply.body);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/`,
    notes,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * The playground's session on the workbook, used under the workbook's lock: loaded again whenever
 * the files on disk are no longer the ones it loaded or saved (a CLI command or Excel changed them).
 */
class SharedWorkbook {
  private session: Session | null = null;
  private stamp = '';
  private stale = false;

  constructor(private readonly options: PlaygroundOptions) {}

  async use<T>(task: (session: Session) => Promise<T> | T): Promise<T> {
    let lock;
    try {
      lock = await lockWorkbook(this.options.workbook, {
        waitMs: this.options.waitMs ?? DEFAULT_WAIT_MS,
        what: 'client-tracker serve (the playground)',
      });
    } catch (error) {
      if (error instanceof WorkbookBusyError) {
        throw new WorkbookError(
          cliText('workbookBusyUnknown', {
            file: this.options.workbook,
            lock: `${error.file}.lock`,
            seconds: Math.round(error.waitedMs / 1000),
          }),
        );
      }
      throw error;
    }
    try {
      if (!this.session || this.stale || diskStamp(this.options.workbook) !== this.stamp) {
        const previous = this.session;
        this.session = await Session.open({ ...this.options, lock });
        this.session.openFile();
        // dialogs already shown stay reachable at their /shown/N addresses
        if (previous) uiState(this.session.env).shown.unshift(...uiState(previous.env).shown);
        this.stamp = diskStamp(this.options.workbook);
        this.stale = false;
      }
      return await task(this.session);
    } finally {
      await lock.release();
    }
  }

  /** A failed execution's half-done writes are not kept: the next request loads the file again. */
  forget(): void {
    this.stale = true;
  }

  /** Saves what changed, with the mail sent as .eml files in the same change; whether it saved. */
  async save(session: Session): Promise<boolean> {
    const outbox = this.options.outbox ?? path.join(path.dirname(this.options.workbook), 'outbox');
    const files = session.unsavedMail().map(({ mail, number }) => ({
      path: path.join(outbox, emlFileName(mail, number - 1)),
      content: toEml(mail),
    }));
    const saved = await session.save(files);
    if (saved) this.stamp = diskStamp(this.options.workbook);
    return saved;
  }
}

/** The largest request: a file at the picker's limit, in base64 (4 bytes for 3), and its JSON around it. */
const MAX_BODY_BYTES = Math.ceil((MAX_FILE_BYTES * 4) / 3) + 64 * 1024;
const MAX_FILE_MB = MAX_FILE_BYTES / 1024 / 1024;

/** The request's body; null when it is over MAX_BODY_BYTES (the rest is read and dropped, never kept). */
function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(status: number, data: unknown): Reply {
  return { status, type: 'application/json; charset=utf-8', body: JSON.stringify(data) };
}

function html(body: string): Reply {
  return { status: 200, type: 'text/html; charset=utf-8', body };
}

const NOT_FOUND: Reply = { status: 404, type: 'text/plain; charset=utf-8', body: 'Not found' };

async function route(workbook: SharedWorkbook, method: string, url: string, body: string): Promise<Reply> {
  const { pathname } = new URL(url, 'http://localhost');
  if (method === 'GET') {
    if (pathname === '/') return html(PAGE);
    if (pathname === '/console') return html(withShim(CONSOLE));
    if (pathname === '/favicon.ico') return { status: 204, type: 'image/x-icon', body: '' };
  }
  return workbook.use((session) => routeSession(workbook, session, method, pathname, body));
}

async function routeSession(
  workbook: SharedWorkbook,
  session: Session,
  method: string,
  pathname: string,
  body: string,
): Promise<Reply> {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (method === 'GET') {
    if (pathname === '/api/state') return json(200, state(session));
    if (parts[0] === 'api' && parts[1] === 'tab') {
      const sheet = session.model.sheets.filter((s) => !s.hidden)[Number(parts[2])];
      return sheet ? json(200, tabGrid(session.model, sheet, new Date(session.env.clock.now()))) : NOT_FOUND;
    }
    if (parts[0] === 'html' && parts[1]) {
      const file = session.bundle.html.get(parts[1]);
      // Standing in for the menu's showSidebar, which sends the page in the workbook's language.
      return file === undefined ? NOT_FOUND : html(withShim(inLanguage(file, langFromLocale(session.model.locale))));
    }
    if (parts[0] === 'shown' && parts[1]) {
      const shown = uiState(session.env).shown[Number(parts[1])];
      return shown ? html(withShim(shown.content)) : NOT_FOUND;
    }
    return NOT_FOUND;
  }
  if (method !== 'POST') return NOT_FOUND;
  const payload = body ? (JSON.parse(body) as unknown) : null;
  if (pathname === '/api/select') return json(200, select(session, payload));
  if (pathname === '/api/import-file') return importFile(workbook, session, payload);
  if (parts[0] === 'api' && parts[1] === 'menu' && parts[2])
    return runAndSave(workbook, session, () => menuReply(session, parts[2]));
  if (parts[0] === 'api' && parts[1] === 'run' && parts[2]) {
    const args = Array.isArray(payload) ? (payload as unknown[]) : [];
    return runAndSave(workbook, session, () => {
      const { value, feedback } = session.client(parts[2], args);
      return { ok: true, value, ...shownOf(session, feedback) };
    });
  }
  return NOT_FOUND;
}

function state(session: Session): unknown {
  const model = session.model;
  const today = wallClock(new Date(session.env.clock.now()), model.timeZone);
  const two = (n: number): string => String(n).padStart(2, '0');
  return {
    workbook: session.workbook,
    lang: langFromLocale(model.locale),
    timeZone: model.timeZone,
    today: `${today.year}-${two(today.month)}-${two(today.day)}`,
    user: session.user,
    tabs: model.sheets.filter((s) => !s.hidden).map((s) => s.name),
    menus: session.menus(),
    sidebar: session.bundle.html.has(SIDEBAR_FILE) ? `/html/${SIDEBAR_FILE}` : null,
  };
}

function select(session: Session, payload: unknown): unknown {
  const p = (payload ?? {}) as { tab?: number; row?: number; col?: number };
  const sheet = session.model.sheets.filter((s) => !s.hidden)[Number(p.tab)];
  if (!sheet || !(Number(p.row) >= 1) || !(Number(p.col) >= 1)) return { ok: false };
  setCursor(session.model, sheet.name, { row: Number(p.row), col: Number(p.col), numRows: 1, numCols: 1 });
  return { ok: true };
}

/**
 * The file picker (docs/import.md): the picked file, read by the command line's reader, becomes a new
 * tab as Sheets' File ▸ Import would make it, then the menu's Import from a tab… opens its dialog. A
 * file that cannot be read is one sentence in the workbook's language, the workbook untouched.
 */
async function importFile(workbook: SharedWorkbook, session: Session, payload: unknown): Promise<Reply> {
  const p = (payload ?? {}) as { name?: unknown; data?: unknown; size?: unknown };
  if (typeof p.name !== 'string' || typeof p.data !== 'string') return json(400, { ok: false, error: 'name and data' });
  const lang = langFromLocale(session.model.locale);
  // Only an editor may add a tab, as in Sheets; the Import dialog then checks the add-on's own roles.
  if (!session.canEdit) {
    const error = cliTextIn(lang, 'viewerCannotChange', { user: session.user, file: session.workbook });
    return json(200, { ok: false, error, changed: false });
  }
  if (typeof p.size === 'number' && p.size > MAX_FILE_BYTES)
    return json(200, { ok: false, error: tooBig(lang, p.name.replace(/^.*[\\/]/, '')), changed: false });
  const read = await readPickedFile(p.name, Buffer.from(p.data, 'base64'), lang);
  if (!read.ok) return json(200, { ok: false, error: read.error, changed: false });
  return runAndSave(workbook, session, () => {
    const tab = insertListTabs(session, read.tabs);
    return { ...menuReply(session, IMPORT_MENU), tab };
  });
}

function menuReply(session: Session, functionName: string): Record<string, unknown> {
  return { ok: true, ...shownOf(session, session.menu(functionName)) };
}

function shownOf(session: Session, feedback: Feedback): Record<string, unknown> {
  const all = uiState(session.env).shown;
  return {
    alerts: feedback.alerts,
    toasts: feedback.toasts,
    shown: feedback.shown.map((s) => ({
      kind: s.kind,
      title: s.title,
      width: s.width,
      height: s.height,
      url: `/shown/${all.indexOf(s)}`,
    })),
  };
}

/**
 * Runs one execution; saves when it changed the spreadsheet or the services' stored state. A thrown
 * error is the failure handler's message; the workbook file keeps what it had.
 */
async function runAndSave(
  workbook: SharedWorkbook,
  session: Session,
  body: () => Record<string, unknown>,
): Promise<Reply> {
  let reply: Record<string, unknown>;
  try {
    reply = body();
  } catch (error) {
    workbook.forget();
    return json(200, { ok: false, error: messageOf(error), changed: false });
  }
  const changed = await workbook.save(session);
  return json(200, { ...reply, changed });
}

function messageOf(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}
