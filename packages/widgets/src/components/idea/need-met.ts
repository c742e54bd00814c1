/**
 * Follow-through on a deflection, in an idea's status: its requester (the author, or whoever
 * recorded it for them) answers "Did this answer your need?" with Yes or No — toggle buttons
 * that show the answer given and let them change it — and everyone else reads what they said.
 */
import type { Idea } from '@bridgekit/sdk';
import { html, nothing } from 'lit';
import type { BkIdea } from './idea.component.ts';

/** The last failure of each view's answer, shown next to the buttons until the next try. */
const failures = new WeakMap<BkIdea, string>();

async function answer(host: BkIdea, idea: Idea, met: boolean): Promise<void> {
  const { client, describe } = host._api;
  if (!client || host._busy) return;
  host._busy = true;
  failures.delete(host);
  try {
    await client.ideas.confirmNeedMet(idea.id, met);
    await host._refresh();
  } catch (err) {
    failures.set(host, await describe(err));
  }
  host._busy = false;
  host.requestUpdate();
}

export function renderNeedMet(host: BkIdea, idea: Idea) {
  const { status } = idea;
  if (!status.deflection) return nothing;
  const { t } = host._api;
  const said =
    status.needMet === null
      ? nothing
      : html`<p class="need-met" role="status">${t(status.needMet ? 'idea.needMet' : 'idea.needNotMet')}</p>`;
  if (!idea.mine) return said;
  const button = (met: boolean) =>
    html`<button
      type="button"
      class="button"
      aria-pressed=${status.needMet === met ? 'true' : 'false'}
      ?disabled=${host._busy}
      @click=${() => answer(host, idea, met)}
    >${t(met ? 'idea.needMetYes' : 'idea.needMetNo')}</button>`;
  const failure = failures.get(host);
  return html`<div class="need-met-question" part="need-met" role="group" aria-labelledby="bk-need-met-label">
      <p id="bk-need-met-label">${t('idea.needMetQuestion')}</p>
      ${button(true)} ${button(false)}
    </div>
    ${said} ${failure ? html`<p class="notice error" role="alert">${failure}</p>` : nothing}`;
}
