#!/usr/bin/env node
// The local runtime's command line (built from src/local/cli.ts by `npm run build`).
const path = require('path');
const fs = require('fs');
const built = path.join(__dirname, '..', 'build', 'cli.js');
if (!fs.existsSync(built)) {
  console.error('Client Tracker is not built yet: run "npm run build" first.');
  process.exit(1);
}
require(built);
