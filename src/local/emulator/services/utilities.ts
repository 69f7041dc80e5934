/**
 * Utilities: date formatting and parsing, UUIDs, sleep, base64 and blobs.
 *
 * Source: https://developers.google.com/apps-script/reference/utilities/utilities (formatDate uses Java
 * SimpleDateFormat; getUuid is a random UUID string; sleep at most 300000 ms).
 * sleep moves a manual clock instead of blocking, so tests stay fast and the time limit still bites.
 */
import { randomUUID } from 'crypto';
import { AppsScriptException, type Execution } from '../runtime';
import { createBlob, fromBytes, nodeEncoding, toSignedBytes, type Blob } from './blob';
import { formatDate, parseDate } from './format-date';
import { advanceClock } from './state';

export const MAX_SLEEP_MS = 300_000;

export const Charset = { US_ASCII: 'US-ASCII', UTF_8: 'UTF-8' } as const;

export interface UtilitiesApi {
  Charset: typeof Charset;
  formatDate(date: Date, timeZone: string, format: string): string;
  parseDate(date: string, timeZone: string, format: string): Date;
  getUuid(): string;
  sleep(milliseconds: number): void;
  base64Encode(data: string | number[], charset?: string): string;
  base64EncodeWebSafe(data: string | number[], charset?: string): string;
  base64Decode(encoded: string, charset?: string): number[];
  base64DecodeWebSafe(encoded: string, charset?: string): number[];
  newBlob(data: string | number[], contentType?: string, name?: string): Blob;
}

function toBuffer(data: string | number[], charset?: string): Buffer {
  return Array.isArray(data) ? fromBytes(data) : Buffer.from(String(data), nodeEncoding(charset));
}

export function createUtilities(exec: Execution): UtilitiesApi {
  return {
    Charset,
    formatDate(date, timeZone, format) {
      exec.call('Utilities.formatDate', 'utilities');
      return formatDate(date, timeZone, format);
    },
    parseDate(date, timeZone, format) {
      exec.call('Utilities.parseDate', 'utilities');
      return parseDate(String(date), timeZone, format);
    },
    getUuid() {
      exec.call('Utilities.getUuid', 'utilities');
      return randomUUID();
    },
    sleep(milliseconds) {
      exec.call('Utilities.sleep', 'utilities');
      const ms = Number(milliseconds);
      if (!(ms >= 0) || ms > MAX_SLEEP_MS) {
        throw new AppsScriptException(
          `Invalid argument: milliseconds (${milliseconds}); the maximum is ${MAX_SLEEP_MS}.`,
        );
      }
      advanceClock(exec.env, ms);
      exec.enforceTimeLimit();
    },
    base64Encode(data, charset) {
      exec.call('Utilities.base64Encode', 'utilities');
      return toBuffer(data, charset).toString('base64');
    },
    base64EncodeWebSafe(data, charset) {
      exec.call('Utilities.base64EncodeWebSafe', 'utilities');
      return toBuffer(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    },
    base64Decode(encoded) {
      exec.call('Utilities.base64Decode', 'utilities');
      return toSignedBytes(Buffer.from(String(encoded), 'base64'));
    },
    base64DecodeWebSafe(encoded) {
      exec.call('Utilities.base64DecodeWebSafe', 'utilities');
      return toSignedBytes(Buffer.from(String(encoded), 'base64url'));
    },
    newBlob(data, contentType, name) {
      exec.call('Utilities.newBlob', 'utilities');
      return createBlob(exec, { bytes: toBuffer(data), contentType: contentType ?? null, name: name ?? null });
    },
  };
}
