// npm run build: everything `clasp push` uploads, plus the local runtime.
//   dist/Code.js          server bundle (webpack + esbuild-loader + gas-webpack-plugin)
//   dist/appsscript.json  the manifest
//   dist/<Name>.html      each sidebar/dialog as one self-contained HTML file (esbuild, inlined JS + CSS)
//   build/cli.js          the local runtime (CLI, playground, benchmark) for Node
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import webpack from 'webpack';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const finalDist = path.join(root, 'dist');
// Build beside dist/ and swap at the end, so a test reading dist/ never sees half a build.
const dist = path.join(root, `.dist-${process.pid}`);
const out = path.join(root, 'build');

async function bundleServer() {
  const base = (await import(path.join(root, 'webpack.config.js'))).default;
  const config = { ...base, output: { ...base.output, path: dist } };
  const stats = await new Promise((resolve, reject) =>
    webpack(config, (err, result) => (err ? reject(err) : resolve(result))),
  );
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
}

/** Each folder in src/ui/pages is one page: index.html + main.ts (+ any CSS it imports). */
async function bundlePages() {
  const pagesDir = path.join(root, 'src/ui/pages');
  if (!fs.existsSync(pagesDir)) return;
  for (const name of fs.readdirSync(pagesDir)) {
    const dir = path.join(pagesDir, name);
    const result = await build({
      entryPoints: [path.join(dir, 'main.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2020',
      minify: true,
      // The page declares UTF-8: Chinese text as itself, not as \u escapes twice its size.
      charset: 'utf8',
      outdir: 'out',
      loader: { '.css': 'css' },
      logLevel: 'silent',
    });
    const js = result.outputFiles.find((f) => f.path.endsWith('.js'))?.text ?? '';
    const css = result.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '';
    const shell = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
    // Function replacers: the bundle may contain "$&" sequences that a string replacement would expand.
    const html = shell
      .replace('<!--STYLE-->', () => `<style>${css}</style>`)
      .replace('<!--SCRIPT-->', () => `<script>${js.replace(/<\/script/gi, '<\\/script')}</script>`);
    fs.writeFileSync(path.join(dist, `${name}.html`), html);
  }
}

async function bundleLocal() {
  const entries = { cli: 'src/local/cli.ts', bench: 'bench/index.ts' };
  for (const [name, entry] of Object.entries(entries)) {
    if (!fs.existsSync(path.join(root, entry))) continue;
    await build({
      entryPoints: [path.join(root, entry)],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      packages: 'external',
      sourcemap: 'inline',
      outfile: path.join(out, `${name}.js`),
      logLevel: 'silent',
    });
  }
}

fs.rmSync(dist, { recursive: true, force: true });
fs.mkdirSync(dist, { recursive: true });
try {
  // pinyin-pro's answers as a table (src/gas/sidebar/pinyin-table.ts), rewritten only when they changed.
  await import('./pinyin-table.mjs');
  await bundleServer();
  fs.copyFileSync(path.join(root, 'appsscript.json'), path.join(dist, 'appsscript.json'));
  await bundlePages();
  await bundleLocal();
  const old = `${finalDist}.old-${process.pid}`;
  if (fs.existsSync(finalDist)) fs.renameSync(finalDist, old);
  fs.renameSync(dist, finalDist);
  fs.rmSync(old, { recursive: true, force: true });
} finally {
  fs.rmSync(dist, { recursive: true, force: true });
}
console.log(
  `built ${fs.readdirSync(finalDist).join(', ')}${fs.existsSync(out) ? ` and ${fs.readdirSync(out).join(', ')}` : ''}`,
);
