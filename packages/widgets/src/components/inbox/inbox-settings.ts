/**
 * The inbox's e-mail settings: a native select per kind of notification (at once, daily or
 * weekly digest, no e-mail), saved with `notifications.updateSettings`. Loaded by `bk-inbox`
 * the first time a person opens them.
 */
import type { BridgekitMemberClient, Cadence, NotificationKind, NotificationSettings } from '@bridgekit/sdk';
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Translate } from '../../shared/i18n.ts';

const CADENCES: readonly Cadence[] = ['immediate', 'daily', 'weekly', 'off'];

export interface SettingsHost extends ReactiveControllerHost {
  readonly _api: {
    client: BridgekitMemberClient | null;
    t: Translate;
    describe: (err: unknown) => Promise<string>;
    failure: (text: string, retry: () => unknown, failure: unknown) => TemplateResult;
  };
}

/**
 * @example
 * this.#settings ??= new (await import('./inbox-settings.ts')).InboxSettings(this);
 * void this.#settings.load();
 * // in the panel: this.#settings.render()
 */
export class InboxSettings {
  status: 'loading' | 'ready' | 'error' = 'loading';
  settings: NotificationSettings | null = null;
  saving = false;
  /** What the last load or save came to, announced. */
  message = '';
  /** What the last load failed with. */
  failure: unknown = null;
  readonly #host: SettingsHost;

  constructor(host: SettingsHost) {
    this.#host = host;
  }

  async load(): Promise<void> {
    const { client, describe, t } = this.#host._api;
    if (!client) return;
    this.status = 'loading';
    this.message = '';
    this.failure = null;
    this.#host.requestUpdate();
    try {
      this.settings = await client.notifications.settings();
      this.status = 'ready';
    } catch (err) {
      this.failure = err;
      this.message = t('inbox.settingsFailed', { reason: await describe(err) });
      this.status = 'error';
    }
    this.#host.requestUpdate();
  }

  /**
   * The kinds, in the order the API lists them (`NOTIFICATION_KINDS`): importing that list here
   * would split the SDK out of the chunk every element shares, and add it to every page.
   */
  get #kinds(): NotificationKind[] {
    return Object.keys(this.settings?.email ?? {}) as NotificationKind[];
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { client, describe, t } = this.#host._api;
    if (!client || this.saving) return;
    const form = new FormData(event.target as HTMLFormElement);
    const email = Object.fromEntries(this.#kinds.map((kind) => [kind, String(form.get(kind))])) as NotificationSettings['email'];
    this.saving = true;
    this.message = '';
    this.#host.requestUpdate();
    try {
      this.settings = await client.notifications.updateSettings({ email });
      this.message = t('inbox.saved');
    } catch (err) {
      this.message = t('inbox.saveFailed', { reason: await describe(err) });
    }
    this.saving = false;
    this.#host.requestUpdate();
  }

  render() {
    const { t } = this.#host._api;
    const kinds = this.#kinds;
    const status = html`<p class="settings-message" role="status">${this.message}</p>`;
    if (this.status === 'loading') return html`<p role="status">${t('inbox.settingsLoading')}</p>`;
    if (this.status === 'error' || !this.settings) return this.#host._api.failure(this.message, () => this.load(), this.failure);
    const { email } = this.settings;
    return html`<form class="settings" part="settings" @submit=${(e: SubmitEvent) => this.#save(e)}>
      <p>${t('inbox.settingsIntro')}</p>
      ${kinds.map(
        (kind) => html`<p class="setting">
          <label for="bk-inbox-${kind}">${t(`inbox.kind.${kind}`)}</label>
          <select id="bk-inbox-${kind}" name=${kind}>
            ${CADENCES.map((c) => html`<option value=${c} ?selected=${email[kind] === c}>${t(`inbox.cadence.${c}`)}</option>`)}
          </select>
        </p>`,
      )}
      <button type="submit" class="button primary" aria-disabled=${this.saving ? 'true' : 'false'}>
        ${this.saving ? t('inbox.saving') : t('inbox.save')}
      </button>
      ${status}
    </form>`;
  }
}
