/**
 * A minimal Blob: bytes, a content type and a name. Apps Script hands bytes around as Java byte[],
 * which JavaScript sees as numbers from -128 to 127.
 *
 * Source: https://developers.google.com/apps-script/reference/base/blob
 */
import type { Execution } from '../runtime';

export interface Blob {
  getBytes(): number[];
  getDataAsString(charset?: string): string;
  getContentType(): string | null;
  setContentType(contentType: string | null): Blob;
  getName(): string | null;
  setName(name: string): Blob;
  copyBlob(): Blob;
}

export interface BlobData {
  bytes: Buffer;
  contentType: string | null;
  name: string | null;
}

const blobs = new WeakMap<object, BlobData>();

/** The blob's data without counting a call, for services that take blobs (mail attachments). */
export function readBlob(value: unknown): BlobData | null {
  return (typeof value === 'object' && value !== null && blobs.get(value)) || null;
}

export function toSignedBytes(buf: Buffer): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

export function fromBytes(bytes: number[]): Buffer {
  return Buffer.from(bytes.map((b) => b & 0xff));
}

/** Java charset names ('UTF-8', 'US-ASCII', 'ISO-8859-1') to Node encodings. */
export function nodeEncoding(charset: string | undefined): BufferEncoding {
  const c = (charset ?? 'UTF-8').toUpperCase().replace(/_/g, '-');
  if (c === 'US-ASCII' || c === 'ASCII') return 'ascii';
  if (c === 'ISO-8859-1' || c === 'LATIN1') return 'latin1';
  return 'utf8';
}

export function createBlob(exec: Execution, data: BlobData): Blob {
  const blob: Blob = {
    getBytes() {
      exec.call('Blob.getBytes', 'utilities');
      return toSignedBytes(data.bytes);
    },
    getDataAsString(charset) {
      exec.call('Blob.getDataAsString', 'utilities');
      return data.bytes.toString(nodeEncoding(charset));
    },
    getContentType() {
      exec.call('Blob.getContentType', 'utilities');
      return data.contentType;
    },
    setContentType(contentType) {
      exec.call('Blob.setContentType', 'utilities');
      data.contentType = contentType;
      return blob;
    },
    getName() {
      exec.call('Blob.getName', 'utilities');
      return data.name;
    },
    setName(name) {
      exec.call('Blob.setName', 'utilities');
      data.name = String(name);
      return blob;
    },
    copyBlob() {
      exec.call('Blob.copyBlob', 'utilities');
      return createBlob(exec, { ...data, bytes: Buffer.from(data.bytes) });
    },
  };
  blobs.set(blob, data);
  return blob;
}
