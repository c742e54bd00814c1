import { type Catalog, en, type Message, type MessageKey } from './messages/en.ts';

export type { MessageKey };
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

/** The catalogs loaded so far, by BCP 47 language tag. Add a locale by adding a catalog. */
const catalogs: Record<string, Catalog> = { en: { ...en } };

/**
 * Adds texts to a locale's catalog: each feature's elements register theirs when they load
 * (`registerMessages('en', enThreads)`), so translators made earlier see them too.
 */
export function registerMessages(locale: string, messages: Catalog): void {
  catalogs[locale] ??= {};
  Object.assign(catalogs[locale], messages);
}

/** The best catalog for `locale`: exact tag, then its language, then English. */
export function resolveLocale(locale: string | undefined): string {
  if (!locale) return 'en';
  const tag = locale.toLowerCase();
  if (catalogs[tag]) return tag;
  const language = tag.split('-')[0] ?? 'en';
  return catalogs[language] ? language : 'en';
}

const translators = new Map<string, Translate>();

/** A translator for `locale` (cached): placeholders, plural forms and locale-aware numbers. */
export function translator(locale: string): Translate {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator(locale);
    translators.set(locale, t);
  }
  return t;
}

function createTranslator(locale: string): Translate {
  const catalog = catalogs[resolveLocale(locale)] ?? {};
  const english = catalogs.en ?? {};
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  return (key, params = {}) => {
    const message: Message = catalog[key] ?? english[key] ?? key;
    let text: string;
    if (typeof message === 'string') {
      text = message;
    } else {
      const count = Number(params.count ?? 0);
      text = (message[plurals.select(count)] ?? message.other).replaceAll('#', numbers.format(count));
    }
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  };
}

/** "3 days ago", "yesterday", "in 2 hours" — the largest unit that fits. */
export function relativeTime(locale: string, iso: string, now = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['week', 604_800],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'second');
}
