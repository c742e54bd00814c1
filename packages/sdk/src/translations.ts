/**
 * Texts people read that a tenant or Bridgekit defines — board names, status and criterion
 * labels, template names, field labels and help — are English in the thing itself, with their
 * other languages next to them in `translations`: `{ "label": "Planned", "translations": { "de":
 * { "label": "Geplant" } } }`. Bridgekit's built-in statuses, scoring criteria and templates come
 * with theirs; a tenant may give its own. The widgets show the reader's language where there is
 * a translation, else the English.
 */

/** The languages besides English that Bridgekit ships texts in, and that translations may be given for. */
export const TRANSLATION_LOCALES = ['de'] as const;
export type TranslationLocale = (typeof TRANSLATION_LOCALES)[number];

/** Some of a thing's texts (`K`: `label`, `name`…) in other languages, by language. */
export type Translations<K extends string> = { [L in TranslationLocale]?: { [P in K]?: string } };

/**
 * `value` with every text that has a translation in `locale`'s language put in place of the
 * English, however deep (a board's statuses, a template's fields and their options…). English,
 * and languages without translations, give `value` back as it is. For showing, not for editing:
 * saving what it returns would store the translation as the English.
 *
 * @example
 * localize({ label: 'Planned', translations: { de: { label: 'Geplant' } } }, 'de-CH').label; // 'Geplant'
 */
export function localize<T>(value: T, locale: string): T {
  const language = locale.slice(0, 2).toLowerCase();
  if (!(TRANSLATION_LOCALES as readonly string[]).includes(language)) return value;
  const walk = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(walk);
    if (!item || typeof item !== 'object') return item;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(item)) out[key] = key === 'translations' ? child : walk(child);
    const own: unknown = (item as { translations?: Record<string, unknown> }).translations?.[language];
    // Texts only in place of texts: a value that merely looks like translations changes nothing else.
    for (const [key, text] of Object.entries(own ?? {}))
      if (text && typeof text === 'string' && typeof out[key] === 'string') out[key] = text;
    return out;
  };
  return walk(value) as T;
}
