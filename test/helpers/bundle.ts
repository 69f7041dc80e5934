/** Loads the built add-on once per test file and runs its functions in the emulator. */
import path from 'node:path';
import { loadBundle, type Bundle } from '../../src/local/runner';

let cached: Bundle | null = null;

export const distDir = path.join(__dirname, '..', '..', 'dist');

export function bundle(): Bundle {
  cached ??= loadBundle(distDir);
  return cached;
}
