/**
 * A page in the workbook's language from its first paint: its <html lang> says which, so what the
 * sidebar shows before it hears from the server ("Loading…", a failure) is in the reader's language.
 */
import type { Lang } from './i18n';

export function inLanguage(page: string, lang: Lang): string {
  return page.replace(/<html lang="[^"]*">/, `<html lang="${lang}">`);
}
