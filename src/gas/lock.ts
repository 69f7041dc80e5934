import type { Lang } from '../core/i18n';
import { message } from '../core/i18n';
import { UserError } from './errors';

/**
 * Runs a write path under the document lock (other executions of this add-on wait; people typing
 * in the sheet are not stopped by it, which is why writers re-check rows before writing).
 * Pending writes are flushed before the lock is released.
 * https://developers.google.com/apps-script/reference/lock/lock
 */
export function withDocumentLock<T>(lang: Lang, fn: () => T, waitMs = 30_000): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(waitMs)) throw new UserError(lang, message('error.busy'));
  try {
    return fn();
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
