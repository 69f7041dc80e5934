/**
 * The playground's stand-in for what Google's iframe gives a sidebar or dialog: `google.script.run`
 * posts each call to /api/run/<function>, where the same bundle runs it on the same workbook with
 * google.script.run's rules (https://developers.google.com/apps-script/guides/html/communication):
 * asynchronous, with*Handler/withUserObject return new runners, a Date or function argument fails the
 * call, and a failure without a handler goes to the console. `google.script.host.close()` closes it.
 */
const SHIM = `<script>
(function () {
  function notify(message) {
    if (window.parent && window.parent !== window) window.parent.postMessage(message, '*');
  }
  function encode(args) {
    return JSON.stringify(args, function (key, value) {
      var raw = this[key];
      if (raw instanceof Date || typeof raw === 'function') {
        throw new Error('Failed due to illegal value in property: ' + key);
      }
      return value === undefined ? null : value;
    });
  }
  function call(name, args, onSuccess, onFailure, userObject) {
    var fail = function (error) {
      if (onFailure) onFailure(error, userObject);
      else console.error(error);
    };
    var body;
    try {
      body = encode(args);
    } catch (error) {
      setTimeout(function () { fail(error); });
      return;
    }
    fetch('/api/run/' + encodeURIComponent(name), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body,
    })
      .then(function (response) { return response.json(); })
      .then(function (reply) {
        if (reply.changed) notify({ clientTracker: 'changed' });
        if (reply.ok) { if (onSuccess) onSuccess(reply.value, userObject); }
        else fail(new Error(reply.error));
      }, fail);
  }
  function runner(onSuccess, onFailure, userObject) {
    var base = {
      withSuccessHandler: function (f) { return runner(f, onFailure, userObject); },
      withFailureHandler: function (f) { return runner(onSuccess, f, userObject); },
      withUserObject: function (o) { return runner(onSuccess, onFailure, o); },
    };
    return new Proxy(base, {
      get: function (target, name) {
        if (name in target) return target[name];
        if (typeof name !== 'string' || name === 'then') return undefined;
        return function () { call(name, Array.prototype.slice.call(arguments), onSuccess, onFailure, userObject); };
      },
    });
  }
  window.google = {
    script: {
      run: runner(null, null, undefined),
      host: {
        close: function () { notify({ clientTracker: 'close' }); },
        setHeight: function () {},
        setWidth: function () {},
        editor: { focus: function () {} },
      },
      url: { getLocation: function (f) { f({ hash: '', parameter: {}, parameters: {} }); } },
    },
  };
})();
</script>`;

/** The HTML with the shim as the first script, before any of the page's own. */
export function withShim(html: string): string {
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + SHIM + html.slice(head.index + head[0].length);
  return SHIM + html;
}
