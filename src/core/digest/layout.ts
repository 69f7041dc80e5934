/**
 * An email as plain data (headings, sections of items, small tables) rendered twice: a plain-text
 * part and an HTML part. Every string in a Doc is raw data; escaping happens here and only here,
 * so no caller can forget it.
 */
import { utf8Length } from '../text';

export interface DocItem {
  /** The first line, e.g. the client's name. */
  title: string;
  /** Shown after the title on the same line. */
  note?: string;
  /** Link on the title (HTML) or on its own line (text). */
  link?: string;
  /** A phone number, tappable (tel:) in the HTML part. */
  phone?: string;
  lines: string[];
}

export type DocBlock =
  | { kind: 'paragraph'; text: string }
  /** Every item; rendering shows as many as fit and says how many more there are. */
  | { kind: 'items'; title: string; items: DocItem[]; empty?: string }
  | { kind: 'table'; title: string; head: string[]; rows: (string | number)[][] };

export interface Doc {
  subject: string;
  heading: string;
  blocks: DocBlock[];
  footer: string;
  /** "… and {count} more", in the reader's language */
  more(count: number): string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** HTML-escapes text for element content and quoted attribute values. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A subject line: data may hold line breaks or control characters; mail headers may not. */
export function oneLine(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** Only web links go into href; anything else (javascript:, data:) is shown as text. */
function safeHref(link: string): string | null {
  return /^https:\/\/[^\s"'<>]+$/.test(link) ? link : null;
}

/** A tel: link for a number as typed ("0138 0013 8000", "+86 20-8765-4321"); null for anything else. */
function telHref(phone: string): string | null {
  if (!/^\+?[0-9][0-9 ()\-.]{3,30}$/.test(phone.trim())) return null;
  return `tel:${phone.trim().replace(/[^0-9+]/g, '')}`;
}

function textItem(item: DocItem): string[] {
  const head = item.phone ? `${item.title} · ${item.phone}` : item.title;
  const first = item.note ? `- ${head} — ${item.note}` : `- ${head}`;
  const rest = item.lines.map((l) => `  ${l}`);
  if (item.link) rest.push(`  ${item.link}`);
  return [first, ...rest];
}

/** The items shown under a cap, and the sentence about the rest. */
function shown(
  doc: Doc,
  block: { items: DocItem[]; empty?: string },
  cap: number,
): { items: DocItem[]; more?: string } {
  if (block.items.length === 0) return { items: block.empty ? [{ title: block.empty, lines: [] }] : [] };
  if (block.items.length <= cap) return { items: block.items };
  return { items: block.items.slice(0, cap), more: doc.more(block.items.length - cap) };
}

function renderText(doc: Doc, cap: number): string {
  const out: string[] = [doc.heading, ''];
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') out.push(block.text, '');
    else if (block.kind === 'items') {
      const { items, more } = shown(doc, block, cap);
      out.push(block.title);
      for (const item of items) out.push(...textItem(item));
      if (more) out.push(more);
      out.push('');
    } else {
      out.push(block.title);
      out.push(block.head.join(' | '));
      for (const row of block.rows) out.push(row.join(' | '));
      out.push('');
    }
  }
  out.push('--', doc.footer);
  return out.join('\n');
}

const STYLE = {
  body: 'font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1f1f1f;line-height:1.45;max-width:680px',
  h1: 'font-size:18px;margin:0 0 12px',
  h2: 'font-size:15px;margin:18px 0 6px;color:#1f3a5f',
  li: 'margin:0 0 8px',
  note: 'color:#5f6368',
  line: 'color:#3c4043',
  table: 'border-collapse:collapse;margin:4px 0',
  cell: 'border:1px solid #dadce0;padding:4px 8px;text-align:left',
  footer: 'color:#5f6368;font-size:12px;margin-top:24px',
} as const;

function htmlItem(item: DocItem): string {
  const href = item.link ? safeHref(item.link) : null;
  const title = href
    ? `<a href="${escapeHtml(href)}"><b>${escapeHtml(item.title)}</b></a>`
    : `<b>${escapeHtml(item.title)}</b>`;
  const note = item.note ? ` <span style="${STYLE.note}">— ${escapeHtml(item.note)}</span>` : '';
  const tel = item.phone ? telHref(item.phone) : null;
  const phone = item.phone
    ? tel
      ? ` · <a href="${escapeHtml(tel)}">${escapeHtml(item.phone)}</a>`
      : ` · ${escapeHtml(item.phone)}`
    : '';
  const lines = item.lines.map((l) => `<br><span style="${STYLE.line}">${escapeHtml(l)}</span>`).join('');
  return `<li style="${STYLE.li}">${title}${phone}${note}${lines}</li>`;
}

function htmlBlock(doc: Doc, block: DocBlock, cap: number): string {
  if (block.kind === 'paragraph') return `<p>${escapeHtml(block.text)}</p>`;
  if (block.kind === 'items') {
    const { items, more: rest } = shown(doc, block, cap);
    const more = rest ? `<p style="${STYLE.note}">${escapeHtml(rest)}</p>` : '';
    return `<h2 style="${STYLE.h2}">${escapeHtml(block.title)}</h2><ul>${items.map(htmlItem).join('')}</ul>${more}`;
  }
  const head = block.head.map((h) => `<th style="${STYLE.cell}">${escapeHtml(h)}</th>`).join('');
  const rows = block.rows
    .map((r) => `<tr>${r.map((c) => `<td style="${STYLE.cell}">${escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('');
  return `<h2 style="${STYLE.h2}">${escapeHtml(block.title)}</h2><table style="${STYLE.table}"><tr>${head}</tr>${rows}</table>`;
}

function renderHtml(doc: Doc, cap: number): string {
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8"></head>',
    `<body><div style="${STYLE.body}">`,
    `<h1 style="${STYLE.h1}">${escapeHtml(doc.heading)}</h1>`,
    ...doc.blocks.map((b) => htmlBlock(doc, b, cap)),
    `<p style="${STYLE.footer}">${escapeHtml(doc.footer)}</p>`,
    '</div></body></html>',
  ].join('');
}

/** Items shown per list at most; fewer when the email would otherwise be too big. */
export const MAX_ITEMS = 50;
/** Well inside MailApp's 200 KB body limit for consumer accounts. */
export const MAX_BODY_BYTES = 150_000;

/**
 * Renders both parts. Lists are cut to MAX_ITEMS, and halved again while either part is over the size
 * limit, so a big team's email is still sent (with "… and N more in the spreadsheet").
 */
export function renderDoc(doc: Doc, maxBytes = MAX_BODY_BYTES): RenderedEmail {
  for (let cap = MAX_ITEMS; ; cap = Math.floor(cap / 2)) {
    const text = renderText(doc, cap);
    const html = renderHtml(doc, cap);
    if (cap <= 1 || (utf8Length(html) <= maxBytes && utf8Length(text) <= maxBytes)) {
      return { subject: oneLine(doc.subject), text, html };
    }
  }
}
