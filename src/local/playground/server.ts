/**
 * The playground's HTTP server (node:http, localhost only). One session on one workbook: the page
 * reads tabs as grids, menu buttons run menu items, the sidebar's google.script.run calls run the
 * same bundle on the same spreadsheet, and every run that wrote something is saved to the file.
 * Requests are handled one at a time, as one spreadsheet's executions would be.
 */
import { langFromLocale } from '../../core/i18n';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportServiceState, uiState } from '../emulator/services';
import { setCursor, wallClock } from '../emulator/spreadsheet';
import { Session, type Feedback, type OpenOptions } from '../session';
import { tabGrid } from './grid';
import { PAGE } from './page';
import { withShim } from './shim';

export interface Playground {
  url: string;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  type: string;
  body: string;
}

const SIDEBAR_FILE = 'Sidebar';

/** An empty page with google.script.run, for calling server functions by hand from the browser console. */
const CONSOLE =
  '<!doctype html><html><head><meta charset="utf-8"><title>google.script.run console</title></head>' +
  '<body><p>Open the browser console and call <code>google.script.run.withSuccessHandler(console.log).searchClients("a")</code>.</p></body></html>';

export async function startPlayground(options: OpenOptions, port: number): Promise<Playground> {
  const session = await Session.open(options);
  session.openFile();
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };

  const server = http.createServer((req, res) => {
    void readBody(req)
      .then((body) => serial(() => route(session, req.method ?? 'GET', req.url ?? '/', body)))
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
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
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

async function route(session: Session, method: string, url: string, body: string): Promise<Reply> {
  const { pathname } = new URL(url, 'http://localhost');
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (method === 'GET') {
    if (pathname === '/') return html(PAGE);
    if (pathname === '/console') return html(withShim(CONSOLE));
    if (pathname === '/favicon.ico') return { status: 204, type: 'image/x-icon', body: '' };
    if (pathname === '/api/state') return json(200, state(session));
    if (parts[0] === 'api' && parts[1] === 'tab') {
      const sheet = session.model.sheets.filter((s) => !s.hidden)[Number(parts[2])];
      return sheet ? json(200, tabGrid(session.model, sheet, new Date(session.env.clock.now()))) : NOT_FOUND;
    }
    if (parts[0] === 'html' && parts[1]) {
      const file = session.bundle.html.get(parts[1]);
      return file === undefined ? NOT_FOUND : html(withShim(file));
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
  if (parts[0] === 'api' && parts[1] === 'menu' && parts[2])
    return runAndSave(session, () => menuReply(session, parts[2]));
  if (parts[0] === 'api' && parts[1] === 'run' && parts[2]) {
    const args = Array.isArray(payload) ? (payload as unknown[]) : [];
    return runAndSave(session, () => {
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
 * Runs one execution; saves when it wrote to the spreadsheet or the services' stored state. A thrown
 * error is the failure handler's message; the workbook file keeps what it had.
 */
async function runAndSave(session: Session, body: () => Record<string, unknown>): Promise<Reply> {
  const writes = session.env.writes.length;
  const services = JSON.stringify(exportServiceState(session.env));
  let reply: Record<string, unknown>;
  try {
    reply = body();
  } catch (error) {
    return json(200, { ok: false, error: messageOf(error), changed: false });
  }
  const changed = session.env.writes.length !== writes || JSON.stringify(exportServiceState(session.env)) !== services;
  if (changed) await session.save();
  return json(200, { ...reply, changed });
}

function messageOf(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}
