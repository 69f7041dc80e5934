/**
 * The one list of the server functions the add-on's pages call through google.script.run (the
 * sidebar and the import dialog). The server's `api` (src/server/api.ts) must implement exactly these
 * names — it does not compile otherwise — the pages' promise wrapper (src/ui/rpc.ts) calls these, and
 * every one has its row in the roles table (src/server/exposures.ts, checked by test/ui/rpc.test.ts).
 * Adding a call is one line here, its function in src/gas, its line in src/server/index.ts and its
 * row in the roles table (docs/how-to-add.md).
 */
export const PAGE_CALLS = [
  'sidebarContext',
  'warmClientRows',
  'searchClients',
  'getClientCard',
  'logContact',
  'addClient',
  'checkDuplicates',
  'claimClient',
  'reassignClient',
  'reassignClients',
  'countClientsOf',
  'importBatch',
  'undoImport',
  'importTabs',
  'importPreview',
  'importRun',
] as const;

export type PageCall = (typeof PAGE_CALLS)[number];
