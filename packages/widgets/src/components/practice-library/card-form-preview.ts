/**
 * The card form on its own, for a preview outside the library: the admin console's templates
 * screen (docs/.vitepress/theme/admin/screens/TemplatesScreen.vue) imports this module and shows
 * `<bk-card-form preview>` with the template being defined.
 */
import { defineElement } from '../../shared/define.ts';
import { BkCardForm } from './card-form.ts';

export { configure } from '../../shared/config.ts';
export { BkCardForm };

defineElement('bk-card-form', BkCardForm);
