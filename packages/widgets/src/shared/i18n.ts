import { type Catalog, en, type Message, type MessageKey } from './messages/en.ts';

export type { MessageKey };
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;
type LoadCatalog = () => Promise<Catalog>;

/** The catalogs loaded so far, by lower-case BCP 47 tag (usually just the language). */
const catalogs: Record<string, Catalog> = {};
/** Every language with texts, loaded or not. */
const languages = new Set<string>();
/** Translations not loaded yet: language → feature → loader. */
const pending = new Map<string, Map<string, LoadCatalog>>();
const loaded = new Set<string>();
const inFlight = new Map<string, Promise<void>>();
/** Memo of effectiveLocale (elements ask for every text they show); cleared when a language is added. */
const effective = new Map<string, string>();
const translators = new Map<string, Translate>();

function addLanguage(language: string): void {
  if (languages.has(language)) return;
  languages.add(language);
  effective.clear();
  translators.clear();
}

/** Adds texts to a locale's catalog. Translators made earlier see them too. */
export function registerMessages(locale: string, messages: Catalog): void {
  const tag = locale.toLowerCase();
  addLanguage(tag);
  catalogs[tag] ??= {};
  Object.assign(catalogs[tag], messages);
}

/**
 * A feature's texts: English, bundled with the feature's elements, and its other languages,
 * each a chunk of its own that loads the first time an element shows that language — so an
 * English page pays nothing for German, and a German one only for the features it shows.
 */
export interface FeatureMessages {
  /** Names the feature, so that its elements may each register it. */
  feature: string;
  en: Catalog;
  /** By language subtag: a dynamic `import()` of the catalog. */
  translations: Record<string, LoadCatalog>;
}

export function registerFeature({ feature, en: english, translations }: FeatureMessages): void {
  registerMessages('en', english);
  for (const [language, load] of Object.entries(translations)) {
    addLanguage(language);
    if (loaded.has(`${language} ${feature}`)) continue;
    let features = pending.get(language);
    if (!features) {
      features = new Map();
      pending.set(language, features);
    }
    features.set(feature, load);
  }
}

registerFeature({ feature: 'core', en, translations: { de: () => import('./messages/de.ts').then((m) => m.de) } });

/**
 * Loads `locale`'s texts of every feature registered so far: `null` when they are all here
 * already (no waiting). A catalog that fails to load leaves English in its place.
 */
export function loadMessages(locale: string): Promise<void> | null {
  const language = resolveLocale(locale);
  const features = pending.get(language);
  if (!features || features.size === 0) return null;
  return Promise.all([...features].map(([feature, load]) => loadFeature(language, feature, load))).then(() => undefined);
}

function loadFeature(language: string, feature: string, load: LoadCatalog): Promise<void> {
  const id = `${language} ${feature}`;
  let promise = inFlight.get(id);
  if (!promise) {
    promise = load()
      .then(
        (messages) => registerMessages(language, messages),
        (err: unknown) => console.warn(`Bridgekit: the "${language}" texts of ${feature} could not be loaded; showing English.`, err),
      )
      .finally(() => {
        // Loaded or not, never asked for again: a failure must not retry on every render.
        pending.get(language)?.delete(feature);
        loaded.add(id);
        inFlight.delete(id);
      });
    inFlight.set(id, promise);
  }
  return promise;
}

/** A well-formed BCP 47 tag (`de_DE` → `de-DE`); English for anything Intl cannot read. */
export function canonicalLocale(locale: string | undefined): string {
  if (!locale) return 'en';
  try {
    return Intl.getCanonicalLocales(locale.trim().replaceAll('_', '-'))[0] ?? 'en';
  } catch {
    return 'en';
  }
}

const languageOf = (tag: string) => tag.toLowerCase().split('-')[0] ?? 'en';

/** The best catalog for `locale`: exact tag, then its language (`de-CH` → `de`), then English. */
export function resolveLocale(locale: string | undefined): string {
  if (!locale) return 'en';
  const tag = canonicalLocale(locale).toLowerCase();
  if (languages.has(tag)) return tag;
  const language = languageOf(tag);
  return languages.has(language) ? language : 'en';
}

/**
 * The locale an element speaks and formats in: the reader's when Bridgekit has texts in that
 * language (`de-AT` stays `de-AT`, for its dates and numbers), else English throughout, so
 * that words, numbers and dates never mix two languages in one sentence.
 */
export function effectiveLocale(requested: string | undefined): string {
  const key = requested ?? '';
  let locale = effective.get(key);
  if (locale === undefined) {
    const tag = canonicalLocale(requested);
    const resolved = resolveLocale(tag);
    locale = resolved === tag.toLowerCase() || resolved === languageOf(tag) ? tag : 'en';
    effective.set(key, locale);
  }
  return locale;
}

/** Whether two tags name the same language (`de-CH` and `de`). */
export const sameLanguage = (a: string, b: string): boolean => languageOf(a) === languageOf(b);

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
  const tag = canonicalLocale(locale);
  const language = resolveLocale(tag);
  const numbers = new Intl.NumberFormat(tag);
  // Plural forms follow the language a text is written in: English texts for a French reader
  // say "0 votes", not French's singular zero.
  const plurals = new Intl.PluralRules(sameLanguage(tag, language) ? tag : language);
  const englishPlurals = new Intl.PluralRules('en');
  // Swiss and Liechtenstein German write no ß.
  const swiss = /^de-(ch|li)\b/i.test(tag);
  return (key, params = {}) => {
    const own = catalogs[language]?.[key];
    const message: Message = own ?? catalogs.en?.[key] ?? key;
    let text: string;
    if (typeof message === 'string') {
      text = message;
    } else {
      const count = Number(params.count ?? 0);
      const rules = own === undefined ? englishPlurals : plurals;
      text = (message[rules.select(count)] ?? message.other).replaceAll('#', numbers.format(count));
    }
    if (swiss) text = text.replaceAll('ß', 'ss');
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  };
}

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/** "3 days ago", "yesterday", "in 2 hours" — the largest unit that fits. */
export function relativeTime(locale: string, iso: string, now = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  let format = relativeFormats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeFormats.set(locale, format);
  }
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

/** "A, B and C" / "A, B und C": a list in the words of `locale`. */
export function formatList(locale: string, items: readonly string[]): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}
