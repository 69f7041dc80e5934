/**
 * The Import from a tab… dialog (docs/import.md): pick the tab the file was imported into, correct the
 * column mapping, preview, choose create-only or create-and-update, and start; the dialog then calls
 * the server once per batch and shows the progress. Imports the journal holds are listed with
 * Continue import (an import stopped part-way) and Undo import. Every word comes from the server in
 * the workbook's language.
 */
import { fillTemplate } from '../core/template';
import type { Rpc } from './rpc';

type Tabs = Awaited<ReturnType<Rpc['importTabs']>>;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text = '',
  attrs: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== '') node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

export async function mountImportDialog(root: HTMLElement, rpc: Rpc): Promise<void> {
  const info = await rpc.importTabs();
  const w = (key: string): string => info.words[key] ?? key;
  root.replaceChildren();
  root.append(el('p', w('import.dialog.advice'), { id: 'advice' }));
  const status = el('p', '', { id: 'status', role: 'status' });
  const journal = el('div', '', { id: 'imports' });
  root.append(journal);

  const tab = el('select', '', { id: 'tab', 'aria-label': w('import.dialog.tab') });
  for (const name of info.tabs) tab.append(el('option', name, { value: name }));
  const mode = el('select', '', { id: 'mode' });
  mode.append(el('option', w('import.dialog.createOnly'), { value: 'create' }));
  mode.append(el('option', w('import.dialog.createUpdate'), { value: 'update' }));
  const previewButton = el('button', w('import.dialog.preview'), { id: 'preview' });
  const startButton = el('button', w('import.dialog.start'), { id: 'start', disabled: '' });
  const mapping = el('table', '', { id: 'mapping' });
  const lines = el('pre', '', { id: 'lines' });
  root.append(el('label', w('import.dialog.tab')), tab, mode, previewButton, mapping, lines, startButton, status);

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
        const b = el(
          'button',
          fillTemplate(w('import.dialog.continue'), { batch: item.batch, done: item.done, total: item.total }),
          {
            'data-batch': item.batch,
            class: 'continue',
          },
        );
        b.onclick = () => void run({ tab: item.tab, batch: item.batch });
        journal.append(b);
      }
      if (!item.undone) {
        const b = el('button', fillTemplate(w('import.dialog.undo'), { batch: item.batch }), {
          'data-batch': item.batch,
          class: 'undo',
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
    mapping.append(el('caption', w('import.dialog.mapping')));
    columns.forEach((c, i) => {
      const row = el('tr');
      const pick = el('select', '', { 'data-header': c.header });
      pick.append(el('option', w('import.dialog.leaveOut'), { value: '' }));
      for (const f of info.fields) pick.append(el('option', f.label, { value: f.key }));
      pick.value = c.field;
      pick.onchange = () => {
        columns[i] = { ...c, field: pick.value };
        startButton.setAttribute('disabled', '');
      };
      row.append(el('td', c.header), el('td', '→'), el('td'));
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
      status.textContent = r.text;
      if (r.done >= r.total) break;
    }
    showImports((await rpc.importTabs()).imports);
  };
  startButton.onclick = () => void run({ ...request(), batch: '' });
}
