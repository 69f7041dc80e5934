/**
 * An import plan as the add-on's batched writer takes it (src/gas/import/write.ts): each new client
 * with its Add client fields, each client of the register with its ID, and their contacts as Log
 * contact takes them, oldest first. The writer is called with a slice of these at a time.
 */
import type { NewContactFields } from '../schema';
import type { PlannedClient, ImportPlan } from './plan';

/** Clients per call of the batched writer: each call stays well inside Apps Script's 6 minutes (docs/import.md). */
export const IMPORT_BATCH_CLIENTS = 500;

/** A contact as Log contact takes it (clientId filled in by the writer), with its list row. */
export type ImportWriteContact = Omit<NewContactFields, 'clientId'> & { line: number };

/** One client of a batch: a new one (its Add client fields) or one in the register (its ID), with contacts to log. */
export interface ImportWriteClient {
  /** the list's row it starts on (named in a refusal) */
  line: number;
  /** a new client's fields as Add client takes them; null for a client already in the register */
  fields: Partial<Record<string, string | number | boolean>> | null;
  /** the register's client, when fields is null */
  clientId?: string;
  /** create-and-update: the list's values for the register client's fields (./updates.ts), as Add client takes them */
  updates?: Partial<Record<string, string | number | boolean>>;
  /** create-and-update: the owner the list names for the register client; another person is a hand-over */
  owner?: string;
  /** oldest first */
  contacts: ImportWriteContact[];
}

function contactsOf(client: PlannedClient): ImportWriteContact[] {
  return client.contacts.map((contact) => {
    const v = contact.values;
    const entry: ImportWriteContact = { line: contact.line, date: v.date, channel: v.channel, outcome: v.outcome };
    const optional: Record<string, string | null | undefined> = {
      by: v.by,
      result: v.result,
      summary: v.summary,
      objections: v.objections,
      attitude: v.attitude,
      reason: v.reason,
      nextFollowUp: contact.next?.date,
      nextOwner: contact.next?.owner,
      nextTopic: contact.next?.topic,
    };
    for (const [k, value] of Object.entries(optional))
      if (value !== null && value !== undefined && value !== '')
        (entry as unknown as Record<string, unknown>)[k] = value;
    return entry;
  });
}

/** The plan's clients to write, in the plan's order (clients left alone are not among them). */
export function writerClients(plan: ImportPlan): ImportWriteClient[] {
  return plan.clients
    .filter((c) => c.action !== 'skip')
    .map((client) => ({
      line: client.lines[0],
      fields: client.action === 'new' ? { ...client.fields } : null,
      clientId: client.action === 'new' ? undefined : (client.matched?.id ?? ''),
      ...(client.action === 'update' && Object.keys(client.updates).length > 0
        ? { updates: { ...client.updates } }
        : {}),
      ...(client.action === 'update' && client.owner !== undefined ? { owner: client.owner } : {}),
      contacts: contactsOf(client),
    }));
}
