// Bundles the server side (src/server/index.ts) into dist/Code.js for Apps Script.
// esbuild-loader transpiles (target es2020: es2022 emits static blocks the plugin cannot parse);
// gas-webpack-plugin turns each `global.fn = fn` into a top-level `function fn() {}` stub,
// which is what Apps Script needs to see menu handlers, triggers and google.script.run targets.
// charset utf8: Chinese text (the catalogue, the pinyin table) as itself, 3 bytes a character, not
// as \uXXXX escapes of 6; Apps Script loads the whole file on every call.
// No minifier plugin: esbuild's minify plugin wraps the bundle in an IIFE and the stubs vanish. The
// loader drops whitespace only (minifyWhitespace), module by module: names stay, the stubs are untouched,
// and the file is 11% smaller (test/bundle/size.test.ts).
const path = require('path');
const GasPlugin = require('gas-webpack-plugin');

module.exports = {
  mode: 'none',
  context: __dirname,
  entry: './src/server/index.ts',
  output: { path: path.resolve(__dirname, 'dist'), filename: 'Code.js', clean: false },
  resolve: {
    extensions: ['.ts', '.js'],
  },
  module: {
    rules: [
      {
        test: /\.ts$/,
        loader: 'esbuild-loader',
        options: { target: 'es2020', charset: 'utf8', minifyWhitespace: true },
      },
    ],
  },
  optimization: { minimize: false },
  devtool: false,
  performance: { hints: false },
  plugins: [new GasPlugin({ comment: true })],
};
