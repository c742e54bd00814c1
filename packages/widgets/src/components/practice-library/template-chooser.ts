import type { CardTemplate } from '@bridgekit/sdk';
import { html, nothing } from 'lit';
import type { MessageKey } from '../../shared/i18n.ts';

export interface TemplateChooserContext {
  t: (key: MessageKey) => string;
  templates: CardTemplate[];
  chosen: string;
  choose: (id: string) => void;
  submit: (event: SubmitEvent) => void;
  cancel: () => void;
}

/** "New card": which template the card follows. */
export function renderTemplateChooser(ctx: TemplateChooserContext) {
  const { t } = ctx;
  return html`<form class="chooser" @submit=${ctx.submit} aria-labelledby="bk-choose-heading">
    <h3 id="bk-choose-heading" tabindex="-1">${t('library.chooseHeading')}</h3>
    <fieldset>
      <legend>${t('library.chooseLegend')}</legend>
      ${ctx.templates.map(
        (tpl) => html`<label class="template-choice">
          <input type="radio" name="template" value=${tpl.id} .checked=${ctx.chosen === tpl.id} @change=${() => ctx.choose(tpl.id)} />
          <span><strong>${tpl.name}</strong>${tpl.description ? html`<small>${tpl.description}</small>` : nothing}</span>
        </label>`,
      )}
    </fieldset>
    <div class="actions">
      <button type="submit" class="button primary">${t('library.chooseContinue')}</button>
      <button type="button" class="button" @click=${ctx.cancel}>${t('library.cancel')}</button>
    </div>
  </form>`;
}
