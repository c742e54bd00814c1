import { type BridgekitClient, createClient, isBridgekitError } from '@bridgekit/sdk';
import { html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import { BkErrorEvent } from '../events/error.ts';
import { type BridgekitConfig, CONFIG_CHANGE_EVENT, currentConfig, markSessionExpired, sessionExpired } from './config.ts';
import { type MessageKey, type Params, translator } from './i18n.ts';

const clients = new WeakMap<object, Map<string, BridgekitClient>>();

/**
 * What every Bridgekit element shares: page configuration (with a per-element `tenant`
 * override), the SDK client, the translator for the element's locale, and the mapping of
 * failures to messages people can act on.
 */
export abstract class BridgekitElement extends LitElement {
  // Lit merges these with each subclass's own `properties`.
  static override properties: PropertyDeclarations = {
    tenant: { type: String, reflect: true },
  };

  /** Overrides the page's tenant for this element. */
  declare tenant: string | undefined;

  #onConfigChange = () => this.configChanged();

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener(CONFIG_CHANGE_EVENT, this.#onConfigChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener(CONFIG_CHANGE_EVENT, this.#onConfigChange);
  }

  /** Called when the page configuration changes (e.g. the user signed in): reload. */
  protected abstract configChanged(): void;

  protected get config(): Partial<BridgekitConfig> {
    const config = currentConfig();
    return this.tenant ? { ...config, tenant: this.tenant } : config;
  }

  /**
   * `null` when the page has not said which tenant to use. After the token was refused, the
   * client sends none, so whatever may be read without one still shows.
   */
  protected get client(): BridgekitClient | null {
    const config = currentConfig();
    const { apiBase, tenant } = this.config;
    if (!apiBase || !tenant) return null;
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
      client = createClient({ baseUrl: apiBase, tenant, token: expired ? undefined : config.token });
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

  protected get locale(): string {
    const fromPage = this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang;
    return this.config.locale || fromPage || navigator.language || 'en';
  }

  protected t(key: MessageKey, params?: Params): string {
    return translator(this.locale)(key, params);
  }

  /** A message for a failed call; also tells the host page through a `bk-error` event. */
  protected describeError(err: unknown, notFoundKey?: MessageKey): string {
    this.dispatchEvent(new BkErrorEvent(err));
    if (!isBridgekitError(err)) return this.t('error.generic');
    if (err.code === 'network_error') return this.t('error.network');
    if (err.code === 'token_expired' || err.code === 'invalid_token') {
      markSessionExpired();
      return this.t('error.sessionExpired');
    }
    if (err.code === 'unauthorized') return this.t('error.signIn');
    if (err.status === 404 && notFoundKey) return this.t(notFoundKey);
    // The API's messages are written for people; show them rather than a vaguer one of ours.
    return err.status >= 400 && err.status < 500 ? err.message : this.t('error.generic');
  }
}
