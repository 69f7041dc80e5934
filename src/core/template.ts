/**
 * The one placeholder rule for every sentence a user reads: {name} is filled from params, and
 * {name:one|other} is a number followed by the word that agrees with it ("1 day", "3 days"): English
 * needs it, Chinese (天, 个) does not. A placeholder without a param stays as written. Kept apart from
 * the catalogues so a page that receives its words from the server (the import dialog) fills them by
 * the same rule without carrying every catalogue.
 */
export type Params = Readonly<Record<string, string | number>>;

export function fillTemplate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(
    /\{(\w+)(?::([^|{}]*)\|([^|{}]*))?\}/g,
    (whole, name: string, one?: string, other?: string) => {
      if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
      const value = params[name];
      if (one === undefined || other === undefined) return String(value);
      return `${String(value)} ${Number(value) === 1 ? one : other}`;
    },
  );
}
