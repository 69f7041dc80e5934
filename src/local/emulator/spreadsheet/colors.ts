/** Colour arguments as Sheets stores them: lower-case '#rrggbb'. CSS names cover the common ones only. */
import { AppsScriptException } from '../runtime';

const NAMED: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  purple: '#800080',
  gray: '#808080',
  grey: '#808080',
  cyan: '#00ffff',
  magenta: '#ff00ff',
  lime: '#00ff00',
  pink: '#ffc0cb',
  brown: '#a52a2a',
};

export function normalizeColor(color: string): string {
  const c = String(color).trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(c)) return c;
  if (/^#[0-9a-f]{3}$/.test(c)) return `#${c[1]}${c[1]}${c[2]}${c[2]}${c[3]}${c[3]}`;
  const named = NAMED[c];
  if (named) return named;
  throw new AppsScriptException(`Invalid color: ${color}`);
}
