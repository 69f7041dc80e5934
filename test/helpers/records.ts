/** Records for tests of the pure core: every field blank as the schema types it, then what a test sets. */
import { type ColumnDef, type RecordTypes, type TableName, TABLES } from '../../src/core/schema';

function blankValue(def: ColumnDef): unknown {
  switch (def.type) {
    case 'text':
    case 'plainText':
    case 'person':
      return '';
    case 'boolean':
      return false;
    default:
      return null;
  }
}

export function record<T extends TableName>(table: T, fields: Partial<RecordTypes[T]>): RecordTypes[T] {
  const blank = Object.fromEntries((TABLES[table] as readonly ColumnDef[]).map((d) => [d.key, blankValue(d)]));
  return { ...blank, ...fields } as RecordTypes[T];
}
