import type { BridgekitMemberClient, Reason, ReasonParams } from '@bridgekit/sdk';
import { isBridgekitError } from '@bridgekit/sdk/errors';
import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { BkErrorEvent } from '../events/error.ts';
import { memberClient } from './client.ts';
import { type BridgekitConfig, CONFIG_CHANGE_EVENT, currentConfig, markSessionExpired, sessionExpired } from './config.ts';
import { effectiveLocale, loadMessages, type MessageKey, type Params, registerFeature, sameLanguage, translator } from './i18n.ts';
import { shownName } from './person-name.ts';

const clients = new WeakMap<object, Map<string, BridgekitMemberClient>>();
let warnedUnconfigured = false;

type ErrorTexts = typeof import('./error-texts.ts');
let errorTexts: ErrorTexts | undefined;
let loadingTexts: Promise<ErrorTexts | undefined> | undefined;

/**
 * error-texts.ts, which says failed calls and moderation reasons in the reader's language, with
 * the texts of every reason in `locale`. It loads the first time an element has one to show, so
 * no page pays for it up front; `undefined` if it cannot load (the API's English shows then).
 */
export async function loadErrorTexts(locale: string): Promise<ErrorTexts | undefined> {
  loadingTexts ??= import('./error-texts.ts').then(
    (m) => {
      registerFeature(m.errorMessages);
      errorTexts = m;
      return m;
    },
    () => {
      // Offline, the chunk may fail to load too: ask again with the next failure.
      loadingTexts = undefined;
      return undefined;
    },
  );
  const texts = await loadingTexts;
  await loadMessages(locale);
  return texts;
}

type Scheme = 'light' | 'dark' | 'auto';
const schemeOf = (value: string | null | undefined): Scheme => {
  const v = value?.trim().toLowerCase();
  return v === 'light' || v === 'dark' ? v : 'auto';
};

/** The element's parent in the composed tree: the host when it sits at the top of a shadow root. */
function composedParent(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** `closest()` that carries on from a shadow root's host, as `lang` inheritance does. */
function closestAcrossShadows(from: Element, selector: string): Element | null {
  for (let el: Element | null = from; el; ) {
    const found = el.closest(selector);
    if (found) return found;
    const root = el.getRootNode();
    el = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

const insideBridgekitElement = (el: Element): boolean => {
  const root = el.getRootNode();
  return root instanceof ShadowRoot && root.host.localName.startsWith('bk-');
};

/**
 * What every Bridgekit element shares: page configuration (with a per-element `tenant`
 * override), the SDK client, the translator for the element's locale, its light or dark
 * theme, and the mapping of failures to messages people can act on.
 */
export abstract class BridgekitElement extends LitElement {
  // Lit merges these with each subclass's own `properties`.
  static override properties: PropertyDeclarations = {
    tenant: { type: String, reflect: true },
    theme: { type: String, reflect: true },
  };

  /** Overrides the page's tenant for this element. */
  declare tenant: string | undefined;
  /** `light`, `dark` or `auto` (the system's colour scheme). Absent: the page's `theme` setting, else `auto`. */
  declare theme: string | undefined;

  /** The stylesheet reads the theme from custom states: `:host(:state(theme-dark))`. */
  #internals = this.attachInternals();
  /** The `lang` this element wrote on itself, never to be read back as the page's choice. */
  #langWritten: string | null = null;
  /** The locale, worked out again for each update: every text asks for it. */
  #locale: string | null = null;
  /** What the last failed call failed with ({@link describeError}), for {@link renderFailure}. */
  #failure: unknown = null;

  #onConfigChange = () => {
    this.#locale = null;
    this.configChanged();
    // The theme or locale may be what changed.
    this.requestUpdate();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.#locale = null;
    globalThis.addEventListener(CONFIG_CHANGE_EVENT, this.#onConfigChange);
  }

  /** Texts in the reader's language may still be on their way: render once they are here. */
  protected override async scheduleUpdate(): Promise<void> {
    this.#locale = null;
    const loading = loadMessages(this.locale);
    if (loading) await loading;
    await super.scheduleUpdate();
  }

  protected override update(changed: PropertyValues): void {
    this.#applyTheme();
    this.#applyLanguage();
    super.update(changed);
  }

  #applyTheme(): void {
    const own = schemeOf(this.theme);
    // Inside another Bridgekit element (a thread in a card), follow that element's colours.
    const scheme: Scheme | 'inherit' =
      own !== 'auto' || this.theme === 'auto' ? own : insideBridgekitElement(this) ? 'inherit' : schemeOf(currentConfig().theme);
    const states = this.#internals.states;
    for (const name of ['light', 'dark', 'inherit'] as const) {
      if (name === scheme) states.add(`theme-${name}`);
      else states.delete(`theme-${name}`);
    }
  }

  /**
   * Says which language the element's texts are in when it differs from the page's (a German
   * widget on an English page, or English on a page in a language Bridgekit has no texts
   * for), so screen readers pronounce them right. A `lang` the page set on the element stays.
   */
  #applyLanguage(): void {
    const own = this.getAttribute('lang');
    if (own !== null && own !== this.#langWritten) return;
    const locale = this.locale;
    const wanted = sameLanguage(this.#inheritedLang() || locale, locale) ? null : locale;
    if (wanted === null) {
      if (own !== null) this.removeAttribute('lang');
    } else if (own !== wanted) {
      this.setAttribute('lang', wanted);
    }
    this.#langWritten = wanted;
  }

  /** The language of the page around the element, not counting a `lang` it wrote on itself. */
  #inheritedLang(): string {
    const own = this.getAttribute('lang');
    const from = own !== null && own === this.#langWritten ? composedParent(this) : this;
    return (from && closestAcrossShadows(from, '[lang]')?.getAttribute('lang')) || document.documentElement.lang;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener(CONFIG_CHANGE_EVENT, this.#onConfigChange);
  }

  /** Called when the page configuration changes (e.g. the user signed in): reload. */
  protected abstract configChanged(): void;

  protected get config(): Partial<BridgekitConfig> {
    const config = currentConfig();
    const tenant = this.tenant || this.#outerTenant();
    return tenant ? { ...config, tenant } : config;
  }

  /**
   * The `tenant` of the Bridgekit element whose shadow root holds this one (a board's vote
   * controls, a card's discussion), so one attribute on the outer element covers them all.
   * Duck-typed: the outer element may come from another copy of the bundle.
   */
  #outerTenant(): string | undefined {
    let node: Node = this;
    for (let root = node.getRootNode(); root instanceof ShadowRoot; root = node.getRootNode()) {
      node = root.host;
      const tenant = (node as Partial<BridgekitElement>).tenant;
      if (node instanceof Element && node.localName.startsWith('bk-') && typeof tenant === 'string' && tenant) return tenant;
    }
    return undefined;
  }

  /**
   * `null` when the page has not said which tenant to use. After the token was refused, the
   * client sends none, so whatever may be read without one still shows.
   */
  protected get client(): BridgekitMemberClient | null {
    const config = currentConfig();
    const { apiBase, tenant } = this.config;
    if (!apiBase || !tenant) {
      // Readers read a neutral "not set up"; whoever sets the page up, why.
      if (!warnedUnconfigured) console.warn('Bridgekit: no data-tenant on the script tag.');
      warnedUnconfigured = true;
      return null;
    }
    // One client per configuration object, tenant and sign-in state: `configure()` makes new ones.
    let byTenant = clients.get(config);
    if (!byTenant) {
      byTenant = new Map();
      clients.set(config, byTenant);
    }
    const expired = sessionExpired();
    const key = `${apiBase}|${tenant}|${expired}`;
    let client = byTenant.get(key);
    if (!client) {
      client = memberClient({ baseUrl: apiBase, tenant, token: expired ? undefined : config.token });
      byTenant.set(key, client);
    }
    return client;
  }

  /** Whether the page gave a token (or a way to get one) that still works: otherwise read-only. */
  protected get signedIn(): boolean {
    return Boolean(currentConfig().token) && !sessionExpired();
  }

  protected get sessionExpired(): boolean {
    return sessionExpired();
  }

  /** The "sign-in expired" state: a calm notice with a way back, not an error. */
  protected renderSessionNotice() {
    if (!sessionExpired()) return nothing;
    return html`<div class="notice session" part="session-notice" role="status">
      <span>${this.t('error.sessionExpired')}</span>
      <button type="button" class="button" @click=${() => location.reload()}>${this.t('session.reload')}</button>
    </div>`;
  }

  /**
   * The page's `locale` setting, else the `lang` around the element (across shadow roots),
   * else the browser's language — as far as Bridgekit has texts in it, else English.
   */
  protected get locale(): string {
    this.#locale ??= effectiveLocale(this.config.locale || this.#inheritedLang() || navigator.language);
    return this.#locale;
  }

  protected t(key: MessageKey, params?: Params): string {
    return translator(this.locale)(key, params);
  }

  /** A person's name as shown: an erased person's in the reader's words ({@link shownName}). */
  protected personName(name: string): string {
    return shownName(translator(this.locale), name);
  }

  /**
   * A message for a failed call, in the reader's language; also tells the host page through a
   * `bk-error` event. The API's reason says what happened (the texts of every reason load the
   * first time one is needed); a failure on our side gives its reference from the Worker's log.
   */
  protected async describeError(err: unknown, notFoundKey?: MessageKey): Promise<string> {
    this.dispatchEvent(new BkErrorEvent(err));
    this.#failure = err;
    // With them comes how a failure shows (renderFailure), before the element renders it.
    const code = isBridgekitError(err) ? err.code : null;
    if (code === 'token_expired' || code === 'invalid_token') markSessionExpired();
    const texts = await loadErrorTexts(this.locale);
    const t = translator(this.locale);
    // Without the texts (offline, their chunk could not load either): the words every page has.
    if (!texts) return code === 'network_error' ? t('error.network') : isBridgekitError(err) ? err.message : t('error.generic');
    return texts.failureText(this, this.client, t, this.locale, err, notFoundKey);
  }

  /**
   * A failed load, described by {@link describeError} as `text`: said as it is when retrying
   * cannot help, else part of the page's one "Can't reach the service" banner, retried by itself
   * with back-off (outage.ts). `retry` loads again; return its promise.
   */
  protected renderFailure(text: string, retry: () => unknown, failure: unknown = this.#failure) {
    return (
      errorTexts?.renderFailure(this, translator(this.locale), failure, text, retry) ??
      html`<div class="notice error" role="alert">
        <p>${text}</p>
        <button type="button" class="button" @click=${retry}>${this.t('error.retry')}</button>
      </div>`
    );
  }

  /**
   * A moderation reason (`held.links`…) in the reader's language, or `text` (the API's English,
   * or a moderator's own words) when it has no code. While the texts of reasons load — the
   * first time — `text` shows, and the element renders again once they are here.
   */
  protected reasonText(code: Reason | null | undefined, params: ReasonParams | undefined, text: string): string {
    if (!code) return text;
    if (!errorTexts) void loadErrorTexts(this.locale).then(() => this.requestUpdate());
    return errorTexts?.reasonText(translator(this.locale), this.locale, code, params) ?? text;
  }
}
