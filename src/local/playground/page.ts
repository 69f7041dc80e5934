/**
 * The playground page: the add-on menu as buttons, the workbook's tabs as a grid (sheet text is put
 * in with textContent, never as HTML), and the real built sidebar beside it in a 300 px iframe.
 */
import { MAX_FILE_BYTES } from './import-file';

export const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Client Tracker playground</title>
<style>
  * { box-sizing: border-box; }
  body { margin: 0; font: 13px/1.4 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; color: #1f1f1f; display: flex; flex-direction: column; height: 100vh; }
  header { padding: 8px 12px; background: #1f3a5f; color: #fff; display: flex; gap: 16px; align-items: baseline; flex-wrap: wrap; }
  header h1 { font-size: 16px; margin: 0; }
  header .info { opacity: .85; }
  header .pick { margin-left: auto; cursor: pointer; }
  header .pick input { font: inherit; color: inherit; max-width: 220px; }
  #menus { display: flex; gap: 12px; flex-wrap: wrap; padding: 6px 12px; background: #f1f3f4; border-bottom: 1px solid #dadce0; align-items: center; }
  .menu-group { display: flex; gap: 4px; align-items: center; flex-wrap: wrap; }
  .menu-group > .caption { font-weight: 600; margin-right: 4px; }
  .menu-group button { font: inherit; padding: 3px 8px; border: 1px solid #c4c7c5; border-radius: 4px; background: #fff; cursor: pointer; }
  .menu-group button:hover { background: #e8f0fe; }
  .menu-group .sep { width: 1px; height: 18px; background: #c4c7c5; margin: 0 4px; }
  #messages:empty { display: none; }
  #messages { padding: 6px 12px; background: #fef7e0; border-bottom: 1px solid #f9d976; }
  .message { white-space: pre-wrap; margin: 2px 0; }
  .message.error { color: #a50e0e; }
  .message button { margin-left: 8px; }
  main { flex: 1; display: flex; min-height: 0; }
  #sheet { flex: 1; display: flex; flex-direction: column; min-width: 0; }
  #grid-box { flex: 1; overflow: auto; }
  #tabs { display: flex; gap: 2px; padding: 4px 8px; border-top: 1px solid #dadce0; background: #f8f9fa; overflow-x: auto; }
  #tabs button { font: inherit; border: 1px solid #dadce0; border-top: none; background: #f1f3f4; padding: 4px 10px; cursor: pointer; white-space: nowrap; }
  #tabs button[aria-selected="true"] { background: #fff; color: #1a73e8; font-weight: 600; }
  #grid-wrap { position: relative; width: max-content; }
  #charts img.chart { position: absolute; z-index: 2; background: #fff; border: 1px solid #dadce0; box-shadow: 0 1px 3px rgba(0,0,0,.2); }
  /* Sheets' default cell font, so text fits (or not) as it does there */
  table.grid { border-collapse: collapse; table-layout: fixed; font: 10pt Arial, "Liberation Sans", "Noto Sans CJK SC", sans-serif; }
  table.grid td, table.grid th { border: 1px solid #e2e3e3; padding: 2px 4px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; max-width: 400px; }
  table.grid th.rownum { background: #f8f9fa; color: #5f6368; font-weight: normal; width: 44px; position: sticky; left: 0; }
  table.grid tr.frozen td { position: sticky; top: 0; z-index: 3; background-clip: padding-box; }
  table.grid tr td.spill { overflow: visible; text-overflow: clip; z-index: 2; }
  table.grid tr:not(.frozen) td.spill { position: relative; }
  /* frozen rows stay above what scrolls under them (charts, run-on text); their own run-on text above them */
  table.grid tr.frozen td.spill { z-index: 4; }
  table.grid td.selected { outline: 2px solid #1a73e8; outline-offset: -2px; }
  aside { width: 300px; border-left: 1px solid #dadce0; display: flex; flex-direction: column; }
  aside .title { padding: 6px 8px; background: #f1f3f4; font-weight: 600; display: flex; justify-content: space-between; }
  aside iframe { flex: 1; border: 0; width: 300px; }
  aside .empty { padding: 12px; color: #5f6368; }
  #dialog { position: fixed; inset: 0; z-index: 100; background: rgba(0,0,0,.35); display: none; align-items: center; justify-content: center; }
  #dialog.open { display: flex; }
  #dialog .box { background: #fff; border-radius: 8px; display: flex; flex-direction: column; max-width: 90vw; max-height: 90vh; }
  #dialog .title { padding: 8px 12px; font-weight: 600; display: flex; justify-content: space-between; }
  #dialog iframe { border: 0; }
</style>
</head>
<body>
<header><h1>Client Tracker playground</h1><span class="info" id="info"></span>
<label class="pick"><span id="import-file-label">Import a file (CSV or .xlsx)</span> <input type="file" id="import-file" accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"></label></header>
<nav id="menus" aria-label="Add-on menu"></nav>
<div id="messages" role="status"></div>
<main>
  <section id="sheet">
    <div id="grid-box"><div id="grid-wrap"><table class="grid" id="grid"></table><div id="charts"></div></div></div>
    <div id="tabs" role="tablist"></div>
  </section>
  <aside>
    <div class="title"><span id="sidebar-title">Sidebar</span><button id="sidebar-close" title="Close">×</button></div>
    <iframe id="sidebar" title="Sidebar"></iframe>
    <div class="empty" id="sidebar-empty" hidden>No sidebar is open. Open it from the menu.</div>
  </aside>
</main>
<div id="dialog" role="dialog"><div class="box"><div class="title"><span id="dialog-title"></span><button id="dialog-close">×</button></div><iframe id="dialog-frame" title="Dialog"></iframe></div></div>
<script>
(function () {
  var state = { tabs: [], active: 0, selected: null };
  var $ = function (id) { return document.getElementById(id); };

  function api(path, body) {
    var init = body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
    return fetch(path, init).then(function (r) { return r.json(); });
  }

  // The page's own words, in the workbook's language (the add-on's menus and sidebar bring their own).
  var WORDS = {
    en: { title: 'Client Tracker playground', sidebar: 'Sidebar', close: 'Close', ok: 'OK',
      noSidebar: 'No sidebar is open. Open it from the menu.', today: 'today', signedIn: 'signed in as',
      importFile: 'Import a file (CSV or .xlsx)' },
    'zh-CN': { title: '客户跟踪演示', sidebar: '侧边栏', close: '关闭', ok: '确定',
      noSidebar: '侧边栏没有打开，请从菜单打开。', today: '今天', signedIn: '当前用户',
      importFile: '导入文件（CSV 或 .xlsx）' },
  };
  var words = WORDS.en;

  function applyWords(lang) {
    words = WORDS[lang] || WORDS.en;
    document.documentElement.lang = WORDS[lang] ? lang : 'en';
    document.title = words.title;
    document.querySelector('header h1').textContent = words.title;
    $('sidebar-close').title = words.close;
    $('sidebar-empty').textContent = words.noSidebar;
    $('import-file-label').textContent = words.importFile;
  }

  function say(text, kind) {
    var line = document.createElement('div');
    line.className = 'message' + (kind ? ' ' + kind : '');
    line.textContent = text;
    var dismiss = document.createElement('button');
    dismiss.textContent = words.ok;
    dismiss.onclick = function () { line.remove(); };
    line.appendChild(dismiss);
    $('messages').appendChild(line);
  }

  function loadState() {
    return api('/api/state').then(function (s) {
      applyWords(s.lang);
      $('info').textContent =
        s.workbook + ' · ' + words.today + ' ' + s.today + ' (' + s.timeZone + ') · ' + words.signedIn + ' ' + s.user;
      state.tabs = s.tabs;
      if (state.active >= s.tabs.length) state.active = 0;
      renderMenus(s.menus);
      renderTabs();
      if (!$('sidebar').getAttribute('src') && s.sidebar) openSidebar(s.sidebar, words.sidebar);
      else if (!s.sidebar) showNoSidebar();
      return loadTab(state.active);
    });
  }

  function renderMenus(menus) {
    var nav = $('menus');
    nav.textContent = '';
    menus.forEach(function (menu) { nav.appendChild(menuGroup(menu)); });
  }

  function menuGroup(menu) {
    var group = document.createElement('div');
    group.className = 'menu-group';
    var caption = document.createElement('span');
    caption.className = 'caption';
    caption.textContent = menu.caption;
    group.appendChild(caption);
    menu.items.forEach(function (item) {
      if (item.type === 'separator') {
        var sep = document.createElement('span');
        sep.className = 'sep';
        group.appendChild(sep);
      } else if (item.type === 'subMenu') {
        group.appendChild(menuGroup(item.menu));
      } else {
        var button = document.createElement('button');
        button.textContent = item.caption;
        button.dataset.fn = item.functionName;
        button.onclick = function () { runMenu(item.functionName); };
        group.appendChild(button);
      }
    });
    return group;
  }

  function renderTabs() {
    var bar = $('tabs');
    bar.textContent = '';
    state.tabs.forEach(function (name, i) {
      var b = document.createElement('button');
      b.textContent = name;
      b.dataset.name = name;
      b.setAttribute('role', 'tab');
      b.setAttribute('aria-selected', String(i === state.active));
      b.onclick = function () { state.active = i; renderTabs(); loadTab(i); };
      bar.appendChild(b);
    });
  }

  function loadTab(i) {
    return api('/api/tab/' + i).then(renderGrid);
  }

  // Big tabs are drawn a chunk at a time as the grid scrolls: thousands of rows at once would take
  // seconds of layout in the browser.
  var CHUNK = 1000;
  var observer = null;

  function renderGrid(g) {
    var table = $('grid');
    var body = document.createElement('tbody');
    var cols = document.createElement('colgroup');
    var rn = document.createElement('col');
    rn.style.width = '44px';
    cols.appendChild(rn);
    g.widths.forEach(function (w) { var c = document.createElement('col'); c.style.width = w + 'px'; cols.appendChild(c); });
    table.textContent = '';
    // A fixed width makes table-layout: fixed apply: columns from the colgroup, no measuring of every cell.
    table.style.width = (44 + g.widths.reduce(function (a, b) { return a + b; }, 0)) + 'px';
    table.dataset.tab = g.name;
    table.dataset.rows = String(g.rows.length);
    table.appendChild(cols);
    table.appendChild(body);
    if (observer) observer.disconnect();
    observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) appendRows(g, body);
    }, { root: $('grid-box'), rootMargin: '800px' });
    appendRows(g, body);
    placeCharts(g, body);
  }

  // Charts float over the grid at their anchor cell, as in Sheets: left from the column widths, top
  // from the anchor row when drawn (rows that wrap are taller), else from the default row height.
  function placeCharts(g, body) {
    var layer = $('charts');
    layer.textContent = '';
    (g.charts || []).forEach(function (c) {
      var img = document.createElement('img');
      img.className = 'chart';
      img.src = c.src;
      img.alt = c.title;
      img.title = c.title;
      img.width = c.width;
      img.height = c.height;
      var left = 44;
      for (var i = 0; i < c.col - 1; i++) left += i < g.widths.length ? g.widths[i] : 100;
      var tr = body.rows[c.row - 1];
      var top = tr ? tr.offsetTop : (c.row - 1) * 21;
      img.style.left = (left + c.offsetX) + 'px';
      img.style.top = (top + c.offsetY) + 'px';
      layer.appendChild(img);
    });
  }

  function appendRows(g, body) {
    var from = body.rows.length;
    var to = Math.min(g.rows.length, from + CHUNK);
    var html = [];
    for (var r = from; r < to; r++) html.push(rowHtml(g, r));
    // One parse per chunk: a createElement per cell took seconds on a big log.
    body.insertAdjacentHTML('beforeend', html.join(''));
    $('grid').dataset.shown = String(to);
    observer.disconnect();
    if (to < g.rows.length) observer.observe(body.rows[to - 1]);
  }

  // Every text from the workbook is escaped into the markup (it is a cell's text, never markup).
  var ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (ch) { return ESCAPES[ch]; });
  }

  function rowHtml(g, r) {
    var out = '<tr data-row="' + (r + 1) + '"' + (r < g.frozenRows ? ' class="frozen"' : '') + '><th class="rownum">' + (r + 1) + '</th>';
    g.rows[r].forEach(function (cell, c) {
      var css = g.styles[cell[1]] || '';
      if (r < g.frozenRows && css.indexOf('background') < 0) css += (css ? ';' : '') + 'background:#fff';
      // As in Sheets, text that is not wrapped runs on over empty cells to its right (a title, a heading).
      var next = g.rows[r][c + 1];
      var spill = cell[0] !== '' && (!next || next[0] === '') && css.indexOf('white-space:normal') < 0 && css.indexOf('text-align:right') < 0 && css.indexOf('text-align:center') < 0;
      out += '<td data-col="' + (c + 1) + '"' + (spill ? ' class="spill"' : '') + (css ? ' style="' + esc(css) + '"' : '') +
        ' title="' + esc(cell[0]) + '">' + esc(cell[0]) + '</td>';
    });
    return out + '</tr>';
  }

  $('grid').addEventListener('click', function (e) {
    var td = e.target.closest('td');
    if (!td) return;
    var prev = document.querySelector('td.selected');
    if (prev) prev.classList.remove('selected');
    td.classList.add('selected');
    api('/api/select', { tab: state.active, row: Number(td.parentNode.dataset.row), col: Number(td.dataset.col) });
  });

  function runMenu(fn) {
    return api('/api/menu/' + encodeURIComponent(fn), {}).then(showReply);
  }

  function showReply(reply) {
    (reply.alerts || []).forEach(function (a) { say(a); });
    (reply.toasts || []).forEach(function (t) { say(t); });
    if (!reply.ok) say(reply.error, 'error');
    (reply.shown || []).forEach(function (s) {
      if (s.kind === 'sidebar') openSidebar(s.url, s.title);
      else openDialog(s.url, s.title, s.width, s.height);
    });
    if (reply.changed) return loadState();
  }

  // Import a file: the server reads it with the command line's reader and puts it in a new tab, as
  // Sheets' File > Import "Insert new sheet(s)" would; the Import dialog then opens on that tab.
  $('import-file').onchange = function () {
    var input = $('import-file');
    var file = input.files && input.files[0];
    if (!file) return;
    // A file over the limit is not sent: the server answers with its sentence from the name and size.
    var read = file.size > ${MAX_FILE_BYTES}
      ? Promise.resolve({ name: file.name, size: file.size, data: '' })
      : file.arrayBuffer().then(function (buffer) {
          var bytes = new Uint8Array(buffer);
          var binary = '';
          for (var i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
          return { name: file.name, size: file.size, data: btoa(binary) };
        });
    read.then(function (payload) {
      return api('/api/import-file', payload);
    }).then(function (reply) {
      input.value = '';
      return Promise.resolve(showReply(reply)).then(function () {
        if (!reply.tab) return;
        var at = state.tabs.indexOf(reply.tab);
        if (at >= 0) { state.active = at; renderTabs(); loadTab(at); }
        if ((reply.shown || []).length) chooseDialogTab(reply.shown[reply.shown.length - 1].url, reply.tab);
      });
    }, function (error) {
      input.value = '';
      say(String(error), 'error');
    });
  };

  // The dialog lists the workbook's tabs; the one the file went into is chosen once the list is there.
  function chooseDialogTab(url, tab) {
    var frame = $('dialog-frame');
    var tries = 600;
    (function attempt() {
      var doc = null;
      try { doc = frame.contentWindow.location.pathname === url ? frame.contentDocument : null; } catch (e) { doc = null; }
      var select = doc && doc.getElementById('tab');
      var found = select && Array.prototype.some.call(select.options, function (o) { return o.value === tab; });
      if (found) {
        select.value = tab;
        select.dispatchEvent(new Event('change'));
        $('dialog').dataset.tab = tab;
      } else if (--tries > 0) setTimeout(attempt, 100);
    })();
  }

  function openSidebar(url, title) {
    $('sidebar').hidden = false;
    $('sidebar-empty').hidden = true;
    $('sidebar-title').textContent = title || words.sidebar;
    $('sidebar').setAttribute('src', url);
  }

  function showNoSidebar() {
    $('sidebar').hidden = true;
    $('sidebar').removeAttribute('src');
    $('sidebar-empty').hidden = false;
  }

  function openDialog(url, title, width, height) {
    $('dialog-title').textContent = title || '';
    var frame = $('dialog-frame');
    frame.style.width = (width || 600) + 'px';
    frame.style.height = (height || 400) + 'px';
    frame.setAttribute('src', url);
    delete $('dialog').dataset.tab;
    $('dialog').classList.add('open');
  }

  function closeDialog() {
    $('dialog').classList.remove('open');
    $('dialog-frame').removeAttribute('src');
  }

  $('dialog-close').onclick = closeDialog;
  $('sidebar-close').onclick = showNoSidebar;

  window.addEventListener('message', function (e) {
    var data = e.data || {};
    if (data.clientTracker === 'changed') loadState();
    if (data.clientTracker === 'close') {
      if (e.source === $('dialog-frame').contentWindow) closeDialog();
      else showNoSidebar();
    }
  });

  loadState();
})();
</script>
</body>
</html>
`;
