/**
 * The Import from a tab… dialog (docs/import.md): pick the tab the file was imported into, correct the
 * column mapping, preview, choose create-only or create-and-update, and start; the dialog then calls
 * the server once per batch and shows the progress. Imports the journal holds are listed with
 * Continue import (an import stopped part-way) and Undo import. Every word comes from the server in
 * the workbook's language.
 */
import { fillTemplate } from '../core/template';
import { el } from './dom';
import type { Rpc } from './rpc';

type Tabs = Awaited<ReturnType<Rpc['importTabs']>>;

export async function mountImportDialog(root: HTMLElement, rpc: Rpc): Promise<void> {
  const info = await rpc.importTabs();
  const w = (key: string): string => info.words[key] ?? key;
  root.replaceChildren();
  root.append(el('p', { id: 'advice', text: w('import.dialog.advice') }));
  const status = el('p', { id: 'status', role: 'status' });
  const journal = el('div', { id: 'imports' });
  root.append(journal);

  const tab = el('select', { id: 'tab', 'aria-label': w('import.dialog.tab') });
  for (const name of info.tabs) tab.append(el('option', { value: name, text: name }));
  const mode = el('select', { id: 'mode' });
  mode.append(el('option', { value: 'create', text: w('import.dialog.createOnly') }));
  mode.append(el('option', { value: 'update', text: w('import.dialog.createUpdate') }));
  const previewButton = el('button', { id: 'preview', text: w('import.dialog.preview') });
  const startButton = el('button', { id: 'start', disabled: '', text: w('import.dialog.start') });
  const mapping = el('table', { id: 'mapping' });
  const lines = el('pre', { id: 'lines' });
  root.append(
    el('label', { text: w('import.dialog.tab') }),
    tab,
    mode,
    previewButton,
    mapping,
    lines,
    startButton,
    status,
  );

  let columns: { header: string; field: string }[] = [];
  const request = () => ({
    tab: tab.value,
    update: mode.value === 'update',
    map: columns.map((c): [string, string] => [c.header, c.field]),
  });

  const showImports = (list: Tabs['imports']): void => {
    journal.replaceChildren();
    for (const item of list) {
      if (!item.finished && !item.undone) {
        const b = el('button', {
          'data-batch': item.batch,
          class: 'continue',
          text: fillTemplate(w('import.dialog.continue'), { batch: item.batch, done: item.done, total: item.total }),
        });
        b.onclick = () => void run({ tab: item.tab, batch: item.batch });
        journal.append(b);
      }
      if (!item.undone) {
        const b = el('button', {
          'data-batch': item.batch,
          class: 'undo',
          text: fillTemplate(w('import.dialog.undo'), { batch: item.batch }),
        });
        b.onclick = async () => {
          const r = await rpc.undoImport(item.batch);
          status.textContent = r.text;
          showImports((await rpc.importTabs()).imports);
        };
        journal.append(b);
      }
    }
  };
  showImports(info.imports);

  const renderMapping = (): void => {
    mapping.replaceChildren();
    mapping.append(el('caption', { text: w('import.dialog.mapping') }));
    columns.forEach((c, i) => {
      const row = el('tr');
      const pick = el('select', { 'data-header': c.header });
      pick.append(el('option', { value: '', text: w('import.dialog.leaveOut') }));
      for (const f of info.fields) pick.append(el('option', { value: f.key, text: f.label }));
      pick.value = c.field;
      pick.onchange = () => {
        columns[i] = { ...c, field: pick.value };
        startButton.setAttribute('disabled', '');
      };
      row.append(el('td', { text: c.header }), el('td', { text: '→' }), el('td'));
      row.lastElementChild!.append(pick);
      mapping.append(row);
    });
  };

  previewButton.onclick = async () => {
    status.textContent = '';
    const r = await rpc.importPreview(request());
    if (!r.ok) {
      status.textContent = r.text;
      lines.textContent = '';
      startButton.setAttribute('disabled', '');
      return;
    }
    columns = r.columns;
    renderMapping();
    lines.textContent = r.lines.join('\n');
    if (r.total > 0) startButton.removeAttribute('disabled');
  };

  const run = async (first: {
    tab: string;
    batch: string;
    update?: boolean;
    map?: [string, string][];
  }): Promise<void> => {
    startButton.setAttribute('disabled', '');
    let batch = first.batch;
    // Who was mailed about today's handed-over steps, batch after batch (each a sentence).
    const told: string[] = [];
    for (;;) {
      let r;
      try {
        r = await rpc.importRun({ ...first, batch });
      } catch (error) {
        r = { ok: false as const, text: error instanceof Error ? error.message : String(error) };
      }
      if (!r.ok) {
        status.textContent = fillTemplate(w('import.dialog.stopped'), { text: r.text });
        break;
      }
      batch = r.batch;
      told.push(...r.mail);
      status.textContent = [r.text, ...told].join(' ');
      if (r.done >= r.total) break;
    }
    showImports((await rpc.importTabs()).imports);
  };
  startButton.onclick = () => void run({ ...request(), batch: '' });
}
