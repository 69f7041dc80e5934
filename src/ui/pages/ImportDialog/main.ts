/** The Import from a tab… dialog (dist/ImportDialog.html): mounted on #app with google.script.run. */
import { createRpc, type ScriptRunner } from '../../rpc';
import { mountImportDialog } from '../../import-dialog';

declare const google: { script: { run: ScriptRunner; host: { close(): void } } };

const root = document.getElementById('app');
if (root) void mountImportDialog(root, createRpc(google.script.run));
