/**
 * How a typed name is compared with the names we know: full-width and half-width forms are the
 * same (NFKC), case does not matter, and spaces, punctuation and symbols are ignored, so
 * “Next follow-up”, "next  follow up" and "ＮＥＸＴ　ＦＯＬＬＯＷ－ＵＰ" are one name.
 */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}
