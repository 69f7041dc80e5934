/**
 * The mail a typed row calls for (docs/rule-path.md, "Mail a typed row calls for"): a contact row
 * typed or pasted into Contacts that hands the next step to someone else for today is applied where
 * no mail may be sent — onEdit (a simple trigger may not send mail) or the daily run's Refresh (its
 * mail goes out in the mail step). It waits here, in document properties, and the next run that may
 * send mail (Refresh from the menu, the daily run's mail step) sends it, saying it comes late and why.
 * Each entry is marked "sending" before its mail goes out: a run stopped mid-way never mails twice.
 * Callers hold the document lock.
 */
import { dayOf, type DayKey, today } from '../core/dates';
import { type QueuedHandover, enqueueHandovers, handoverKey, stillInForce } from '../core/handover';
import { type Lang, type Message, joinList, message, render, t } from '../core/i18n';
import { idKey } from '../core/ids';
import { teamAsConfirmed } from '../core/roles';
import type { ClientRecord, TeamMember } from '../core/schema';
import type { WorkbookContext } from './context';
import { withDocumentLock } from './lock';
import { accessList } from './mail-access';
import { loadConfirmedRoles } from './roles';
import { findTab, openTable } from './table';
import { jsonSlot } from './schedule/store';
import { callLine, sendStepMail } from './sidebar/notify';

const QUEUE_KEY = 'ct.mail.handovers';

function slot() {
  return jsonSlot<QueuedHandover[]>(PropertiesService.getDocumentProperties(), QUEUE_KEY, []);
}

/** Adds handovers to the queue (one per contact row, however many doors saw it). */
export function queueHandovers(entries: readonly QueuedHandover[], today: DayKey): void {
  if (entries.length === 0) return;
  const queue = slot();
  const now = Array.isArray(queue.value) ? queue.value : [];
  queue.save(enqueueHandovers(now, entries, today));
}

export interface HandoverRun {
  /** People mailed about rows typed into the sheet. */
  sent: string[];
  /** People mailed about contacts an import logged (docs/import.md). */
  imported: string[];
  /** Why a handover was not mailed, in the workbook's language (no address, no access, a failure). */
  notes: Message[];
}

export interface HandoverContext {
  lang: Lang;
  tz: string;
  today: DayKey;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  team: readonly (TeamMember | null)[];
  confirmed: Parameters<typeof teamAsConfirmed>[1];
  /** The clients as they stand now (by ID key), to send only steps still in force; read only when something waits. */
  clients: () => ReadonlyMap<string, Pick<ClientRecord, 'nextFollowUp' | 'nextOwner' | 'contact' | 'phone'>>;
  /** Mails left today (MailApp.getRemainingDailyQuota); a handover waits when none are. */
  quota: () => number;
}

/**
 * Claims the queued handovers still in force (marked sent at once), drops those replaced since or
 * too old, keeps the rest; returns the sending, for the caller to run once it lets go of the
 * document lock, so sidebar saves and onEdit never wait on a send.
 */
export function claimQueuedHandovers(hc: HandoverContext): () => HandoverRun {
  const run: HandoverRun = { sent: [], imported: [], notes: [] };
  const queue = slot();
  const all = enqueueHandovers(Array.isArray(queue.value) ? queue.value : [], [], hc.today);
  const waiting = all.filter((e) => !e.sent);
  if (waiting.length === 0) {
    if (all.length !== (queue.value ?? []).length) queue.save(all);
    return () => run;
  }
  const clients = hc.clients();
  const inForce = (e: QueuedHandover): boolean => {
    const client = clients.get(idKey(e.clientId));
    const day = dayOf(client?.nextFollowUp ?? null, hc.tz);
    return client !== undefined && stillInForce(e, day, client.nextOwner);
  };
  const due = waiting.filter(inForce);
  const now = due.slice(0, Math.max(0, hc.quota()));
  const going = new Set(now.map(handoverKey));
  // Marked first: a run that stops after the mail and before the save counts it as sent. A step
  // replaced since is dropped; one over today's quota waits for the next run.
  const kept = all.filter((e) => e.sent || going.has(handoverKey(e)) || inForce(e));
  queue.save(kept.map((e) => (going.has(handoverKey(e)) ? { ...e, sent: true } : e)));
  const team = teamAsConfirmed(hc.team, hc.confirmed);
  const picked = now.map((entry) => ({ entry, client: clients.get(idKey(entry.clientId)) }));
  // Sent by the caller after it lets go of the document lock (a send takes about a second).
  return () => {
    const access = picked.length > 0 ? accessList(hc.ss) : new Set<string>();
    for (const { entry, client } of picked) {
      const result = sendStepMail(team, access, entry.to, (theirs) => compose(entry, client, theirs ?? hc.lang, hc.tz));
      if (result.sent) (entry.batch === undefined ? run.sent : run.imported).push(entry.to);
      else run.notes.push(result.text);
    }
    return run;
  };
}

function compose(
  entry: QueuedHandover,
  client: Pick<ClientRecord, 'contact' | 'phone'> | undefined,
  lang: Lang,
  tz: string,
): { subject: string; body: string } {
  const params = {
    name: entry.to,
    client: entry.client !== '' ? entry.client : entry.clientId,
    id: entry.clientId,
    day: entry.day,
    topic: entry.topic === '' ? t(lang, 'sidebar.mail.noTopic') : entry.topic,
    by: entry.by.trim() !== '' ? entry.by.trim() : t(lang, 'handover.someone'),
    time: Utilities.formatDate(new Date(entry.at), tz, 'yyyy-MM-dd HH:mm'),
    call: callLine(client ?? {}, lang),
    batch: entry.batch ?? '',
  };
  const body = entry.batch === undefined ? 'handover.mail.body' : 'handover.mail.bodyImported';
  return { subject: t(lang, 'handover.mail.subject', params), body: t(lang, body, params) };
}

/** One sentence for a report: who was mailed about next steps typed into the sheet, and about imported ones. */
export function handoverLines(run: HandoverRun, lang: Lang): Message[] {
  const out: Message[] = [];
  if (run.sent.length > 0) out.push(message('handover.sent', { names: joinList(run.sent, lang) }));
  if (run.imported.length > 0) out.push(message('handover.sentImported', { names: joinList(run.imported, lang) }));
  return [...out, ...run.notes];
}

/**
 * Sends the queue from a run that may mail (menu Refresh, the Import dialog): claimed under the
 * document lock (marked sent), mailed after it is let go, so saves never wait on a send. The report's
 * lines: who was told, or why not.
 */
export function sendQueuedHandovers(
  ctx: WorkbookContext,
  sheets: Map<string, GoogleAppsScript.Spreadsheet.Sheet>,
): string[] {
  const send = withDocumentLock(ctx.lang, () => claimQueuedHandovers(handoverContext(ctx, sheets)));
  return handoverLines(send(), ctx.lang).map((m) => render(ctx.lang, m));
}

/** What a run that holds the workbook needs to send handovers: Team, confirmed roles, the clients' steps. */
export function handoverContext(
  ctx: WorkbookContext,
  sheets: Map<string, GoogleAppsScript.Spreadsheet.Sheet>,
): HandoverContext {
  return {
    lang: ctx.lang,
    tz: ctx.tz,
    today: today(ctx.now, ctx.tz),
    ss: ctx.ss,
    team: findTab(sheets, 'team') ? openTable(sheets, 'team', { lang: ctx.lang, tz: ctx.tz }).records : [],
    confirmed: loadConfirmedRoles(),
    clients: () => {
      const clients = openTable(sheets, 'clients', {
        lang: ctx.lang,
        tz: ctx.tz,
        columns: ['id', 'nextFollowUp', 'nextOwner', 'contact', 'phone'],
      }).records;
      return new Map(clients.flatMap((c) => (c === null ? [] : [[idKey(c.id), c] as const])));
    },
    quota: () => MailApp.getRemainingDailyQuota(),
  };
}
