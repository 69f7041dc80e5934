/** The two answers of a sidebar write: refused (nothing written) or done with notices. */
import { type Lang, type Message, render } from '../../core/i18n';
import type { FieldProblem, Notice, WriteResult } from '../../contract/types';

export function refused<T>(problems: FieldProblem[]): WriteResult<T> {
  return { ok: false, problems, duplicates: [] };
}

export function notice(lang: Lang, msg: Message): Notice {
  return { message: msg, text: render(lang, msg) };
}
