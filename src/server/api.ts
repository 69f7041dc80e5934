/**
 * The functions behind the pages' calls (src/contract/calls.ts lists them): exactly those names, or
 * this does not compile. src/server/index.ts exposes each under the same name (google.script.run
 * calls top-level functions); src/ui/rpc.ts types its promise wrapper by `ServerApi`, so a renamed
 * function or a changed argument fails to compile on both sides.
 */
import type { PageCall } from '../contract/calls';
import type { LogContactEntry } from '../contract/types';
import { addClient, checkDuplicates } from '../gas/sidebar/add-client';
import { claimClient } from '../gas/sidebar/claim';
import { getClientCard } from '../gas/sidebar/get-card';
import { logContact } from '../gas/sidebar/log-contact';
import { sidebarContext, warmClientRows } from '../gas/sidebar/open';
import { countClientsOf, reassignClient, reassignClients } from '../gas/sidebar/reassign';
import { searchClients } from '../gas/sidebar/search';
import { undoImport } from '../gas/import/journal';
import { importBatch } from '../gas/import/write';
import { importPreview, importRun, importTabs } from '../gas/import/dialog';
import { entryFromEarlierPage } from './earlier-pages';

export const api = {
  sidebarContext,
  warmClientRows,
  searchClients,
  getClientCard,
  logContact: (entry: LogContactEntry) => logContact(entryFromEarlierPage(entry)),
  addClient,
  checkDuplicates,
  claimClient,
  reassignClient,
  reassignClients,
  countClientsOf,
  importBatch,
  undoImport,
  importTabs,
  importPreview,
  importRun,
} satisfies Record<PageCall, (...args: never[]) => unknown>;

export type ServerApi = typeof api;
