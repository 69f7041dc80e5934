/** The sidebar page (dist/Sidebar.html): styles, then the app mounted on #app with google.script.run. */
import './sidebar.css';
import { createRpc, type ScriptRunner } from '../../rpc';
import { mountSidebar } from '../../sidebar/app';

declare const google: { script: { run: ScriptRunner } };

const root = document.getElementById('app');
if (root) mountSidebar(root, createRpc(google.script.run));
