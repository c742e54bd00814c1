/**
 * The card form as the admin console's template preview: drawn from a template object that is
 * stored nowhere, redrawn when the definition changes under the same id, without Save and
 * without calling the API.
 */
import type { CardTemplate } from '@bridgekit/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { apiBase, cleanup, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import type { BkCardForm } from './card-form.ts';
import { loadPart } from './parts.ts';
// The library registers the cards' texts the form speaks.
import './practice-library.ts';

const DRAFT: CardTemplate = {
  id: 'preview-only',
  name: 'Lessons learned',
  description: 'What a project taught us.',
  builtIn: false,
  version: 1,
  fields: [{ key: 'project', label: 'Project', type: 'text', required: true }],
};

/** The API calls this page has made so far (the browser's resource timing). */
const apiCalls = () => performance.getEntriesByType('resource').filter((e) => e.name.startsWith(apiBase())).length;
const labels = (form: Element) => [...shadow(form).querySelectorAll('#bk-section-template label')].map((l) => l.textContent?.trim());

describe('<bk-card-form preview>', () => {
  afterEach(cleanup);

  it('draws the form of a template given as an object, redraws it as the definition changes, and neither saves nor calls', async () => {
    signIn(await tokenFor(newPerson()));
    await loadPart('bk-card-form');
    const calls = apiCalls();
    const form = await mount<BkCardForm>('<bk-card-form preview></bk-card-form>');
    form.template = DRAFT;
    await until(() => shadow(form).querySelector('#bk-section-template'));
    expect(shadow(form).querySelector('h3')?.textContent).toContain('Lessons learned');
    expect(labels(form)).toHaveLength(1);
    expect(labels(form)[0]).toMatch(/^Project\b/);
    expect(shadow(form).querySelector('[part="submit"]')).toBeNull();
    expect(shadow(form).querySelector('[part="action-bar"]')).toBeNull();

    // The admin adds a field: same id, a new object.
    form.template = {
      ...DRAFT,
      fields: [...DRAFT.fields, { key: 'impact', label: 'Impact', type: 'enum', options: [{ value: 'high', label: 'High' }] }],
    };
    await until(() => labels(form).includes('Impact'));
    expect(shadow(form).querySelector<HTMLSelectElement>('#bk-section-template select')?.options.length).toBe(2);
    await expectNoAxeViolations(form);
    expect(apiCalls()).toBe(calls);
  });
});
