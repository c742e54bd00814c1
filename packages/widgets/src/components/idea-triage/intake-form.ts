/**
 * The intake decision of triage: a native form offering only the steps the idea may move to from
 * where it stands (`INTAKE_MOVES`), with the forum, the day, who decided and a note; a deflection
 * asks for its outcome and a reason, a deferral for a reason and the revisit date; the steps that
 * keep the idea in play sort it too (`intake-sorting.ts`). Loaded with the other forms when an
 * evaluator picks an idea.
 */
import type { Idea, IntakeDecisionInput, IntakeStep } from '@bridgekit/sdk';
import { isBridgekitError } from '@bridgekit/sdk/errors';
import { INTAKE_MOVES } from '@bridgekit/sdk/intake-types';
import { localize } from '@bridgekit/sdk/translations';
import { html, nothing } from 'lit';
import { loadErrorTexts } from '../../shared/bridgekit-element.ts';
import { registerFeature, translator } from '../../shared/i18n.ts';
import { ideaMessages } from '../../shared/messages/idea.ts';
import type { BkIdeaTriage } from './idea-triage.component.ts';
import { checkSorting, readSorting, renderSorting, SORTING_STEPS } from './intake-sorting.ts';

registerFeature(ideaMessages);

/** The fields that show their own errors. */
const FIELDS = ['step', 'decidedOn', 'forum', 'decider', 'status', 'reason', 'revisitOn', 'note', 'sponsor', 'demandClass', 'objectives'];

/** The step chosen in each element's form, so the fields that step needs show. */
const chosen = new WeakMap<BkIdeaTriage, { idea: string; step: IntakeStep }>();

const today = () => new Date().toISOString().slice(0, 10);
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

function stepOf(host: BkIdeaTriage, idea: Idea): IntakeStep | undefined {
  const choice = chosen.get(host);
  const next = INTAKE_MOVES[idea.intake.step];
  return choice?.idea === idea.id && next.includes(choice.step) ? choice.step : next[0];
}

async function submit(host: BkIdeaTriage, idea: Idea, event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const { client, t, locale } = host._api;
  const step = stepOf(host, idea);
  if (!client || !step) return;
  // Read now: once the event has been dispatched, a shadow tree's event no longer names its target.
  const form = event.target as HTMLFormElement;
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const errors: Record<string, string> = {};
  const decidedOn = text('decidedOn');
  if (!decidedOn || decidedOn > today()) errors['intake.decidedOn'] = t('intake.dateRequired');
  if ((step === 'deflected' || step === 'deferred') && text('reason').length < 10) errors['intake.reason'] = t('intake.reasonRequired');
  if (step === 'deferred' && !(text('revisitOn') > today())) errors['intake.revisitOn'] = t('intake.revisitRequired');
  const sorts = SORTING_STEPS.includes(step);
  if (sorts) Object.assign(errors, checkSorting(data, t));
  host._errors = errors;
  if (Object.keys(errors).length > 0) {
    void host.updateComplete.then(() => host.renderRoot.querySelector<HTMLElement>('.intake [aria-invalid="true"]')?.focus());
    return;
  }
  const base = {
    decidedOn,
    ...(text('forum') ? { forum: text('forum') } : {}),
    ...(text('decider') ? { decider: text('decider') } : {}),
    ...(text('note') ? { note: text('note') } : {}),
  };
  const decision: IntakeDecisionInput =
    step === 'deflected'
      ? { step, ...base, status: text('status'), reason: text('reason') }
      : step === 'deferred'
        ? { step, ...base, reason: text('reason'), revisitOn: text('revisitOn') }
        : { step, ...base, ...(sorts ? readSorting(idea, data) : {}) };
  try {
    const result = await client.intake.decide(idea.id, decision);
    chosen.delete(host);
    form.reset();
    host._applyIdea(localize(result.idea, locale));
    host._message = t('intake.recorded', { title: idea.title, step: t(`intake.step.${step}`) });
  } catch (err) {
    host._errors = await decisionErrors(err, host);
    void host.updateComplete.then(() => host.renderRoot.querySelector<HTMLElement>('.intake [aria-invalid="true"]')?.focus());
  }
}

/** The server's refusal under the fields it concerns (`body.objectives[2]` under the objectives); anything else under the form. */
async function decisionErrors(err: unknown, host: BkIdeaTriage): Promise<Record<string, string>> {
  const { describe, locale } = host._api;
  if (isBridgekitError(err) && err.reason === 'conflict.sponsor_scored') return { 'intake.sponsor': await describe(err) };
  if (!isBridgekitError(err) || err.code !== 'validation_failed' || err.details.length === 0) return { intake: await describe(err) };
  const issues =
    (await loadErrorTexts(locale))?.issueTexts(translator(locale), locale, err) ??
    err.details.map((d) => ({ path: d.path, text: d.message }));
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const name = /^body\.(\w+)/.exec(issue.path)?.[1] ?? '';
    errors[FIELDS.includes(name) ? `intake.${name}` : 'intake'] = issue.text;
  }
  return errors;
}

export function renderIntakeForm(host: BkIdeaTriage, idea: Idea) {
  const { t } = host._api;
  const errors = host._errors;
  const stepLabel = (step: IntakeStep) => t(`intake.step.${step}`);
  const next = INTAKE_MOVES[idea.intake.step];
  if (next.length === 0) {
    return html`<section class="intake" aria-labelledby="bk-intake-heading">
      <h4 id="bk-intake-heading">${t('intake.heading')}</h4>
      <p>${t('intake.final', { step: stepLabel(idea.intake.step) })}</p>
    </section>`;
  }
  const step = stepOf(host, idea);
  const field = (name: string, label: string, control: unknown) =>
    html`<div>
      <label for="bk-intake-${name}">${label}</label>
      ${control}
      <p class="field-error" id="bk-intake-${name}-error">${errors[`intake.${name}`] ?? ''}</p>
    </div>`;
  const invalid = (name: string) => (errors[`intake.${name}`] ? 'true' : 'false');
  const deflections = host._deflectionStatuses();
  return html`
    <form class="intake" aria-labelledby="bk-intake-heading" novalidate @submit=${(e: SubmitEvent) => submit(host, idea, e)}>
      <h4 id="bk-intake-heading">${t('intake.heading')}</h4>
      <p class="subtle">${t('intake.current', { step: stepLabel(idea.intake.step) })}</p>
      ${field(
        'step',
        t('intake.next'),
        html`<select
          id="bk-intake-step"
          name="step"
          @change=${(e: Event) => {
            chosen.set(host, { idea: idea.id, step: (e.target as HTMLSelectElement).value as IntakeStep });
            host.requestUpdate();
          }}
        >
          ${next.map((s) => html`<option value=${s} ?selected=${s === step}>${stepLabel(s)}</option>`)}
        </select>`,
      )}
      ${field(
        'decidedOn',
        t('intake.decidedOn'),
        html`<input type="date" id="bk-intake-decidedOn" name="decidedOn" required max=${today()} value=${today()}
          aria-invalid=${invalid('decidedOn')} aria-describedby="bk-intake-decidedOn-error" />`,
      )}
      ${field('forum', t('intake.forum'), html`<input type="text" id="bk-intake-forum" name="forum" maxlength="100" autocomplete="off" />`)}
      ${field(
        'decider',
        t('intake.decider'),
        html`<input type="text" id="bk-intake-decider" name="decider" maxlength="40" autocomplete="off"
          aria-invalid=${invalid('decider')} aria-describedby="bk-intake-decider-error" />`,
      )}
      ${
        step === 'deflected'
          ? field(
              'status',
              t('intake.outcome'),
              html`<select id="bk-intake-status" name="status" aria-invalid=${invalid('status')} aria-describedby="bk-intake-status-error">
                ${deflections.map((s) => html`<option value=${s.key}>${s.label}</option>`)}
              </select>`,
            )
          : nothing
      }
      ${
        step === 'deflected' || step === 'deferred'
          ? field(
              'reason',
              t('intake.reason'),
              html`<textarea id="bk-intake-reason" name="reason" maxlength="2000" required
                aria-invalid=${invalid('reason')} aria-describedby="bk-intake-reason-error"></textarea>`,
            )
          : nothing
      }
      ${
        step === 'deferred'
          ? field(
              'revisitOn',
              t('intake.revisitOn'),
              html`<input type="date" id="bk-intake-revisitOn" name="revisitOn" required min=${tomorrow()}
                aria-invalid=${invalid('revisitOn')} aria-describedby="bk-intake-revisitOn-error" />`,
            )
          : nothing
      }
      ${renderSorting(host, idea, step !== undefined && SORTING_STEPS.includes(step))}
      ${field('note', t('intake.note'), html`<textarea id="bk-intake-note" name="note" maxlength="2000"></textarea>`)}
      <p class="field-error" role="alert">${errors.intake ?? ''}</p>
      <div><button type="submit" class="button primary">${t('intake.submit')}</button></div>
    </form>
  `;
}
