/**
 * Changing an idea from its own view — Edit, Withdraw (after an inline confirmation) and, for
 * moderators, Merge into… — and its earlier texts. Loaded by `bk-idea` only for those who may
 * change the idea, or when it has earlier texts: most readers never need it.
 */
import type { IdeaView } from '@bridgekit/sdk';
import { html, nothing } from 'lit';
import type { MessageKey } from '../../shared/i18n.ts';
import type { BkItemPicker } from '../../shared/item-picker.ts';
import type { BkIdea, Change } from './idea.component.ts';
import { checkEdit, editErrors, readEdit, renderEditForm, renderRevisionList } from './idea-edit.ts';

/** The picker of a merge's target: loaded when a moderator opens the merge. */
const loadPicker = () => import('../../shared/item-picker.ts');

/** Opens (or closes) a change, and puts focus where it starts, or back on its button. */
function startChange(host: BkIdea, change: Change): void {
  const back = host._change;
  host._change = change;
  host._changeErrors = {};
  if (change === 'merge') void loadPicker();
  void host.updateComplete.then(() => {
    const target = change
      ? host.renderRoot.querySelector<HTMLElement>(change === 'edit' ? '#bk-edit-title' : `#bk-${change}-start`)
      : back && host.renderRoot.querySelector<HTMLElement>(`#bk-${back}-open`);
    target?.focus();
  });
}

/** Reloads the view after a change, says what happened, closes the change and puts focus on `focus`. */
async function changed(host: BkIdea, message: string, focus: string): Promise<void> {
  host._change = null;
  host._busy = false;
  host._message = '';
  await host._refresh();
  host._message = message;
  await host.updateComplete;
  (host.renderRoot.querySelector<HTMLElement>(focus) ?? host.renderRoot.querySelector<HTMLElement>('#bk-idea-title'))?.focus();
}

async function save(host: BkIdea, event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const { client } = host._api;
  const view = host._view;
  if (!client || !view || host._busy) return;
  const form = event.target as HTMLFormElement;
  const errors = checkEdit(form, host._board?.settings.requiredFields ?? [], host._api.t);
  if (Object.keys(errors).length === 0) {
    host._busy = true;
    try {
      const edited = await client.ideas.edit(view.idea.id, readEdit(form, view.idea));
      const key = edited.moderation.state === 'published' ? 'idea.saved' : 'idea.savedHeld';
      return changed(host, host._api.t(key, { title: edited.title }), '#bk-edit-open');
    } catch (err) {
      Object.assign(errors, await editErrors(err, host._api.locale, (e) => host._api.describe(e)));
    }
    host._busy = false;
  }
  host._changeErrors = errors;
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>('.edit [aria-invalid="true"]')?.focus();
}

async function withdraw(host: BkIdea, event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const { client } = host._api;
  const view = host._view;
  if (!client || !view || host._busy) return;
  const reason = String(new FormData(event.target as HTMLFormElement).get('reason') ?? '').trim();
  host._busy = true;
  try {
    await client.ideas.withdraw(view.idea.id, reason || undefined);
    await changed(host, host._api.t('idea.withdrawn', { title: view.idea.title }), '#bk-idea-title');
  } catch (err) {
    host._busy = false;
    host._changeErrors = { withdraw: await host._api.describe(err) };
  }
}

/** This idea is a duplicate of the one picked: the view then shows that one, saying so. */
async function merge(host: BkIdea, event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const { client } = host._api;
  const view = host._view;
  const target = host.renderRoot.querySelector<BkItemPicker>('#bk-merge-start')?.value;
  if (!client || !view || host._busy) return;
  if (!target) {
    host._changeErrors = { merge: host._api.t('idea.mergePick') };
    host.renderRoot.querySelector<HTMLElement>('#bk-merge-start')?.focus();
    return;
  }
  host._busy = true;
  try {
    const into = await client.ideas.merge(view.idea.id, target.id);
    await changed(host, host._api.t('idea.mergedDone', { title: view.idea.title, into: into.title }), '#bk-idea-title');
  } catch (err) {
    host._busy = false;
    host._changeErrors = { merge: await host._api.describe(err) };
  }
}

/** Edit, Withdraw and Merge into…, for whoever may; with the confirmation or picker a change needs. */
export function renderActions(host: BkIdea, view: IdeaView) {
  const { idea } = view;
  const own = host._isOwn(view);
  const moderator = host._isModerator();
  const open = !idea.closed && !idea.mergedInto;
  const canEdit = open && idea.moderation.state !== 'rejected' && (own || moderator);
  const canWithdraw = open && own;
  const canMerge = open && moderator && idea.moderation.state === 'published';
  const button = (change: Exclude<Change, null>, label: MessageKey) =>
    html`<button type="button" class="button" id="bk-${change}-open" aria-expanded=${host._change === change ? 'true' : 'false'}
      @click=${() => startChange(host, host._change === change ? null : change)}>${host._api.t(label)}</button>`;
  return html`<p class="visually-hidden" role="status">${host._message}</p>
    ${
      canEdit || canWithdraw || canMerge
        ? html`<div class="actions" part="actions">
          ${canEdit ? button('edit', 'idea.edit') : nothing} ${canWithdraw ? button('withdraw', 'idea.withdraw') : nothing}
          ${canMerge ? button('merge', 'idea.merge') : nothing}
        </div>`
        : nothing
    }
    ${host._change === 'withdraw' && canWithdraw ? renderWithdraw(host) : nothing}
    ${host._change === 'merge' && canMerge ? renderMerge(host, view) : nothing}`;
}

/** The edit form, in place of the idea's text, while it is open. */
export function renderEdit(host: BkIdea, { idea }: IdeaView) {
  if (host._change !== 'edit') return null;
  return renderEditForm({
    idea,
    required: host._board?.settings.requiredFields ?? [],
    errors: host._changeErrors,
    saving: host._busy,
    t: host._api.t,
    onSubmit: (e) => void save(host, e),
    onCancel: () => startChange(host, null),
  });
}

function renderWithdraw(host: BkIdea) {
  return html`<form class="confirm" part="withdraw-form" novalidate aria-labelledby="bk-withdraw-heading"
    @submit=${(e: SubmitEvent) => withdraw(host, e)}>
    <h3 id="bk-withdraw-heading">${host._api.t('idea.withdrawHeading')}</h3>
    <p>${host._api.t('idea.withdrawHint')}</p>
    <div class="field">
      <label for="bk-withdraw-start">${host._api.t('idea.withdrawReason')}</label>
      <textarea id="bk-withdraw-start" name="reason" maxlength="2000"></textarea>
    </div>
    <p class="field-error" role="alert">${host._changeErrors.withdraw ?? ''}</p>
    <div class="actions">
      <button type="submit" class="button primary" aria-disabled=${host._busy ? 'true' : 'false'}>${host._api.t('idea.withdrawConfirm')}</button>
      <button type="button" class="button" @click=${() => startChange(host, null)}>${host._api.t('idea.withdrawKeep')}</button>
    </div>
  </form>`;
}

function renderMerge(host: BkIdea, { idea }: IdeaView) {
  return html`<form class="confirm" part="merge-form" novalidate aria-labelledby="bk-merge-heading" @submit=${(e: SubmitEvent) => merge(host, e)}>
    <h3 id="bk-merge-heading">${host._api.t('idea.mergeHeading')}</h3>
    <p class="subtle">${host._api.t('idea.mergeHint')}</p>
    <bk-item-picker id="bk-merge-start" kind="idea" board=${idea.board} exclude=${idea.id}
      label=${host._api.t('idea.mergeTarget')}></bk-item-picker>
    <p class="field-error" role="alert">${host._changeErrors.merge ?? ''}</p>
    <div class="actions">
      <button type="submit" class="button primary" aria-disabled=${host._busy ? 'true' : 'false'}>${host._api.t('idea.mergeButton')}</button>
      <button type="button" class="button" @click=${() => startChange(host, null)}>${host._api.t('form.cancel')}</button>
    </div>
  </form>`;
}

/** "History (N)": the earlier texts, loaded when it is opened. */
export function renderRevisions(host: BkIdea, { idea, revisions }: IdeaView) {
  const loaded = host._revisions;
  const load = (event: Event) => {
    const client = host._api.client;
    if (!(event.target as HTMLDetailsElement).open || !client || loaded) return;
    client.ideas.revisions(idea.id).then(
      (list) => (host._revisions = list),
      () => (host._revisions = 'failed'),
    );
  };
  return html`<details class="revisions" part="revisions" @toggle=${load}>
    <summary>${host._api.t('idea.revisions', { count: revisions })}</summary>
    ${renderRevisionList(loaded === 'failed' ? null : loaded, loaded === 'failed', host._api.locale, host._api.t)}
  </details>`;
}
