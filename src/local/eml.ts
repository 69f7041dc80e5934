/**
 * A sent message as a standard .eml file (RFC 5322 + MIME) that a mail client opens: UTF-8 throughout,
 * non-ASCII header text as RFC 2047 encoded words, and the plain-text and HTML bodies as the two
 * parts of a multipart/alternative (plain first: clients show the last part they can render).
 */
import { createHash } from 'node:crypto';
import type { SentMail } from './emulator/services';

const CRLF = '\r\n';

export function toEml(mail: SentMail): string {
  const id = createHash('sha256')
    .update(JSON.stringify([mail.from, mail.to, mail.subject, mail.sentAt, mail.body]))
    .digest('hex')
    .slice(0, 24);
  const headers: string[] = [header('From', address(mail.name, mail.from)), header('To', mail.to.join(', '))];
  if (mail.cc.length) headers.push(header('Cc', mail.cc.join(', ')));
  if (mail.replyTo && !mail.noReply) headers.push(header('Reply-To', mail.replyTo));
  headers.push(
    header('Subject', encodeWords(mail.subject.replace(/[\r\n]+/g, ' '))),
    header('Date', rfc5322Date(new Date(mail.sentAt))),
    header('Message-ID', `<${id}@client-tracker.local>`),
    header('MIME-Version', '1.0'),
  );
  const text = part('text/plain', mail.body);
  if (mail.htmlBody === null) return [...headers, text, ''].join(CRLF);
  const boundary = `=_ct_${id}`;
  return [
    ...headers,
    header('Content-Type', `multipart/alternative; boundary="${boundary}"`),
    '',
    `--${boundary}`,
    text,
    `--${boundary}`,
    part('text/html', mail.htmlBody),
    `--${boundary}--`,
    '',
  ].join(CRLF);
}

function header(name: string, value: string): string {
  return `${name}: ${value}`;
}

/** The headers and body of one text part, base64 so any byte of UTF-8 survives any mail path. */
function part(type: string, content: string): string {
  const base64 = Buffer.from(content, 'utf8').toString('base64');
  const lines = base64.match(/.{1,76}/g) ?? [''];
  return [`Content-Type: ${type}; charset=UTF-8`, 'Content-Transfer-Encoding: base64', '', ...lines].join(CRLF);
}

function address(name: string | null, email: string): string {
  if (!name) return email;
  const phrase = /^[\x20-\x7e]*$/.test(name) ? `"${name.replace(/(["\\])/g, '\\$1')}"` : encodeWords(name);
  return `${phrase} <${email}>`;
}

/**
 * RFC 2047 "B" encoded words for text that is not plain ASCII, each at most 75 characters, split on
 * whole characters (never inside a UTF-8 sequence) and folded onto continuation lines.
 */
export function encodeWords(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const words: string[] = [];
  let chunk = '';
  for (const ch of text) {
    // 45 bytes of UTF-8 → 60 base64 characters + 12 for =?UTF-8?B?…?= stays under 75.
    if (Buffer.byteLength(chunk + ch, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(`${CRLF} `);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 date in UTC, e.g. "Mon, 02 Mar 2026 01:00:00 +0000". */
function rfc5322Date(d: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return (
    `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`
  );
}

/** A file name for the nth message: order, recipient and a readable slice of the subject. */
export function emlFileName(mail: SentMail, index: number): string {
  const to = (mail.to[0] ?? 'nobody').replace(/[^A-Za-z0-9._@-]+/g, '_');
  const subject = mail.subject
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${String(index + 1).padStart(3, '0')}-${to}${subject ? `-${subject}` : ''}.eml`;
}
