/**
 * JSON values in document properties, split into parts: one property value holds at most 9 KB, so a
 * value that could grow (the mail ledger, run history) is cut into pieces small enough even when
 * every character takes three bytes in UTF-8. `key` holds the number of parts, `key.0`… the parts.
 * https://developers.google.com/apps-script/guides/services/quotas (9 KB per value, 500 KB per store)
 */

type Properties = GoogleAppsScript.Properties.Properties;

/** Characters per part: 2,800 × 3 bytes stays under 9 KB. */
const PART_CHARS = 2_800;

export interface JsonSlot<T> {
  value: T;
  save(value: T): void;
}

/** Reads a value (or `fallback` when absent or unreadable) and returns a slot to write it back. */
export function jsonSlot<T>(props: Properties, key: string, fallback: T): JsonSlot<T> {
  const count = Number(props.getProperty(key) ?? '0');
  let parts = Number.isInteger(count) && count > 0 ? count : 0;
  let value = fallback;
  if (parts > 0) {
    const all = props.getProperties();
    const text = Array.from({ length: parts }, (_, i) => all[`${key}.${i}`] ?? '').join('');
    try {
      value = JSON.parse(text) as T;
    } catch {
      // A half-written or hand-edited value: start again rather than stop the run.
      value = fallback;
    }
  }
  return {
    value,
    save(next: T): void {
      const text = JSON.stringify(next);
      const updates: Record<string, string> = {};
      const count = Math.max(1, Math.ceil(text.length / PART_CHARS));
      for (let i = 0; i < count; i++) updates[`${key}.${i}`] = text.slice(i * PART_CHARS, (i + 1) * PART_CHARS);
      updates[key] = String(count);
      props.setProperties(updates);
      for (let i = count; i < parts; i++) props.deleteProperty(`${key}.${i}`);
      parts = count;
      this.value = next;
    },
  };
}
