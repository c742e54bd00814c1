/**
 * "On behalf of a business leader" (`NewIdea.onBehalfOf`): the disclosure evaluators, moderators
 * and admins fill in when they record a leader's idea. Loaded by `bk-idea-form` for them only.
 */
import type { OnBehalfOf } from '@bridgekit/sdk';
import { html, noChange } from 'lit';
import type { MessageKey, Translate } from '../../shared/i18n.ts';

export type LeaderField = 'leaderName' | 'leaderEmail' | 'leaderUnit';
type LeaderErrors = Partial<Record<LeaderField, string>>;

/** The leader the form names, if any of its fields is filled in. */
export function readLeader(data: FormData): OnBehalfOf | undefined {
  const text = (name: LeaderField) => String(data.get(name) ?? '').trim();
  if (!text('leaderName') && !text('leaderEmail') && !text('leaderUnit')) return undefined;
  const leader: OnBehalfOf = { name: text('leaderName'), email: text('leaderEmail') };
  if (text('leaderUnit')) leader.businessUnit = text('leaderUnit');
  return leader;
}

/** A name and a plausible address: the API checks the rest. */
export function checkLeader(leader: OnBehalfOf, t: Translate): LeaderErrors {
  const errors: LeaderErrors = {};
  if (!leader.name) errors.leaderName = t('form.leaderNameMissing');
  if (!/^[^\s@]+@[^\s@]+$/.test(leader.email)) errors.leaderEmail = t('form.leaderEmailInvalid');
  return errors;
}

/** The disclosure; opened when one of its fields is wrong. */
export function renderLeader(errors: LeaderErrors, t: Translate) {
  const field = (name: LeaderField, label: MessageKey, type: string, max: number) =>
    html`<div class="field">
      <label for="bk-${name}">${t(label)}</label>
      <input id="bk-${name}" name=${name} type=${type} autocomplete="off" maxlength=${max}
        aria-describedby="bk-${name}-error" aria-invalid=${errors[name] ? 'true' : 'false'} />
      <p class="field-error" id="bk-${name}-error">${errors[name] ?? ''}</p>
    </div>`;
  // Opened for an error; left as the person set it once the errors clear while they type.
  return html`<details class="leader" part="on-behalf-of" .open=${Boolean(errors.leaderName || errors.leaderEmail || errors.leaderUnit) || noChange}>
    <summary>${t('form.onBehalfOf')}</summary>
    <p class="hint">${t('form.onBehalfOfHint')}</p>
    <div class="pair">
      ${field('leaderName', 'form.leaderName', 'text', 100)} ${field('leaderEmail', 'form.leaderEmail', 'email', 254)}
      ${field('leaderUnit', 'form.leaderUnit', 'text', 100)}
    </div>
  </details>`;
}
