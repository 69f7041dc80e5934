import { type Lang, type Message, render } from '../core/i18n';

/**
 * An error meant for a person: its message is one sentence in the user's language, saying what is
 * wrong and how to fix it. Menu actions show it in an alert; google.script.run passes it to the
 * sidebar's failure handler; nothing was written when it is thrown.
 */
export class UserError extends Error {
  constructor(
    lang: Lang,
    readonly detail: Message,
  ) {
    super(render(lang, detail));
    this.name = 'UserError';
  }
}
