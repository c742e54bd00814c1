import { type FieldDef, PRACTICE_AREAS } from '@bridgekit/sdk';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_CARDS, exampleCardId } from '../../src/cards/templates/examples.ts';
import { BUILT_IN_TEMPLATES, findBuiltInTemplate, HEALTH_ITEMS } from '../../src/cards/templates/index.ts';
import { validateFields, validateTemplateDefinition } from '../../src/cards/validate.ts';
import { DEMO_IDEAS, DEMO_THREAD } from '../../src/dev/demo-data.ts';

/** The fields of DOMAIN.md, with `*` for required. */
const DOMAIN_FIELDS: Record<string, string[]> = {
  'business-partner-profile': [
    'partnerName*',
    'executiveSponsor*',
    'keyContacts',
    'mission',
    'strategicObjectives*',
    'keyBusinessCapabilities',
    'kpis',
    'currentInitiatives',
    'painPoints',
    'servicesConsumed',
    'opportunities',
    'relationshipMaturity',
    'engagementCadence',
    'lastContact',
    'risks',
  ],
  'business-case': [
    'executiveSummary*',
    'reasons*',
    'options*',
    'recommendedOption*',
    'expectedBenefits*',
    'disbenefits',
    'timescale*',
    'costs*',
    'appraisal',
    'majorRisks*',
    'strategicAlignment',
    'sponsor*',
    'decisionStatus',
  ],
  'strategic-account-plan': [
    'partner*',
    'planPeriod*',
    'relationshipGoal*',
    'objectivesInScope*',
    'jointRoadmap',
    'stakeholderStrategy',
    'engagementPlan',
    'valueScorecard',
    'risksAndIssues',
    'actionLog',
  ],
  'value-realization-plan': [
    'initiative*',
    'targetBenefits*',
    'strategicAlignment*',
    'timeframe*',
    'benefitsOwner*',
    'metrics*',
    'assumptions',
    'risks',
    'transitionPlan',
    'governance',
    'benefits',
  ],
  'stakeholder-map': ['stakeholders'],
  'relationship-health-assessment': ['items', 'agreedActions'],
  // Not of the domain notes: reusable know-how, where the six above each describe one partner or initiative.
  practice: ['problem*', 'context', 'approach*', 'steps', 'pitfalls', 'evidence', 'whenNotToUse', 'relatedTemplates'],
};

const builtIn = (id: string) => {
  const template = findBuiltInTemplate(id);
  if (!template) throw new Error(`no template ${id}`);
  return template;
};
const field = (fields: readonly FieldDef[], key: string): FieldDef => {
  const found = fields.find((f) => f.key === key);
  if (!found) throw new Error(`no field ${key}`);
  return found;
};
const subFields = (def: FieldDef): FieldDef[] => {
  if (def.type === 'record') return def.fields;
  if (def.type === 'list' && def.of.type === 'record') return def.of.fields;
  throw new Error(`${def.key} has no sub-fields`);
};

describe('built-in templates', () => {
  it('are the six of the domain notes and the how-to practice, built in, at version 1', () => {
    expect(BUILT_IN_TEMPLATES.map((t) => t.id)).toEqual(Object.keys(DOMAIN_FIELDS));
    for (const template of BUILT_IN_TEMPLATES) {
      expect(template.builtIn).toBe(true);
      expect(template.version).toBe(1);
      expect(template.name.length).toBeGreaterThan(0);
      expect(template.description.length).toBeGreaterThan(0);
      expect(findBuiltInTemplate(template.id)).toBe(template);
    }
    expect(findBuiltInTemplate('no-such-template')).toBeUndefined();
  });

  it.each(Object.entries(DOMAIN_FIELDS))('%s has every field of the domain notes, required where marked', (id, expected) => {
    const template = builtIn(id);
    const keys = template.fields.map((f) => f.key);
    for (const spec of expected) {
      const key = spec.replace('*', '');
      expect(keys).toContain(key);
      if (spec.endsWith('*')) expect(field(template.fields, key).required).toBe(true);
    }
  });

  it('name one item of every list, in English and German (forms number rows "Option 1", not "Options 1")', () => {
    const lists = (fields: readonly FieldDef[]): FieldDef[] =>
      fields.flatMap((f) => [
        ...(f.type === 'list' ? [f] : []),
        ...(f.type === 'record' ? lists(f.fields) : f.type === 'list' && f.of.type === 'record' ? lists(f.of.fields) : []),
      ]);
    const all = BUILT_IN_TEMPLATES.flatMap((t) => lists(t.fields).map((f) => ({ id: `${t.id}.${f.key}`, f })));
    expect(all.length).toBeGreaterThan(25);
    for (const { id, f } of all) {
      expect(f.type === 'list' && f.itemLabel, id).toMatch(/^\S/);
      expect(f.translations?.de?.itemLabel, id).toMatch(/^\S/);
    }
    expect(field(builtIn('business-case').fields, 'options')).toMatchObject({
      itemLabel: 'Option',
      translations: { de: { itemLabel: 'Option' } },
    });
  });

  it('obey the rules for tenant templates (keys, labels, limits, depth)', () => {
    for (const template of BUILT_IN_TEMPLATES) {
      const copy = { id: `copy-of-${template.id}`, name: template.name, description: template.description, fields: template.fields };
      expect(validateTemplateDefinition(copy), template.id).toEqual([]);
    }
  });

  it('type the fields as the domain notes say', () => {
    const profile = builtIn('business-partner-profile');
    const businessCase = builtIn('business-case');
    const accountPlan = builtIn('strategic-account-plan');
    const stakeholderMap = builtIn('stakeholder-map');
    const health = builtIn('relationship-health-assessment');
    const maturity = field(profile.fields, 'relationshipMaturity');
    expect(maturity.type === 'enum' && maturity.options.map((o) => o.label)).toEqual([
      '1 · Ad hoc',
      '2 · Order taker',
      '3 · Service provider',
      '4 · Trusted advisor',
      '5 · Strategic partner',
    ]);
    expect(field(profile.fields, 'opportunities')).toMatchObject({ type: 'list', of: { type: 'link', to: ['idea'] } });
    expect(field(subFields(field(profile.fields, 'servicesConsumed')), 'satisfaction')).toMatchObject({
      type: 'number',
      min: 1,
      max: 5,
      integer: true,
    });
    const options = subFields(field(businessCase.fields, 'options'));
    expect(field(options, 'cost').type).toBe('money');
    expect(field(options, 'kind')).toMatchObject({
      type: 'enum',
      options: expect.arrayContaining([{ value: 'do-nothing', label: 'Do nothing', translations: { de: { label: 'Nichts tun' } } }]),
    });
    expect(subFields(field(businessCase.fields, 'timescale')).map((f) => f.key)).toEqual(['start', 'end', 'benefitsPeriod']);
    expect(subFields(field(businessCase.fields, 'costs')).map((f) => [f.key, f.type])).toEqual([
      ['project', 'money'],
      ['ongoing', 'money'],
      ['funding', 'text'],
    ]);
    const method = field(subFields(field(businessCase.fields, 'appraisal')), 'method');
    expect(method.type === 'enum' && method.options.map((o) => o.value)).toEqual(['npv', 'roi', 'payback', 'irr']);
    expect(field(accountPlan.fields, 'partner')).toMatchObject({ type: 'link', to: ['card'], required: true });
    expect(subFields(field(accountPlan.fields, 'planPeriod')).map((f) => f.key)).toEqual(['from', 'to']);
    expect(subFields(field(accountPlan.fields, 'relationshipGoal')).map((f) => f.key)).toEqual([
      'currentLevel',
      'targetLevel',
      'rationale',
    ]);
    expect(subFields(field(stakeholderMap.fields, 'stakeholders')).map((f) => f.key)).toEqual([
      'name',
      'role',
      'orgUnit',
      'power',
      'interest',
      'stance',
      'relationshipOwner',
      'lastInteraction',
      'notes',
    ]);
    const items = subFields(field(health.fields, 'items'));
    expect(items.map((f) => f.key)).toEqual(['item', 'partnerScore', 'partnerComment', 'itScore', 'itComment']);
    const practice = builtIn('practice');
    expect(['problem', 'context', 'approach', 'whenNotToUse'].map((k) => field(practice.fields, k).type)).toEqual([
      'richtext',
      'richtext',
      'richtext',
      'richtext',
    ]);
    expect(field(practice.fields, 'steps')).toMatchObject({ type: 'list', of: { type: 'text' } });
    expect(subFields(field(practice.fields, 'evidence')).map((f) => [f.key, f.type])).toEqual([
      ['result', 'text'],
      ['measure', 'text'],
      ['source', 'link'],
    ]);
    // Related templates are a choice of the other built-in templates, by id, named in each language.
    const related = field(practice.fields, 'relatedTemplates');
    const others = BUILT_IN_TEMPLATES.filter((t) => t.id !== 'practice');
    expect(related.type === 'list' && related.of.type === 'enum' && related.of.options).toEqual(
      others.map((t) => ({ value: t.id, label: t.name, translations: { de: { label: t.translations?.de?.name } } })),
    );
    expect(HEALTH_ITEMS.map((i) => i.label)).toEqual([
      'Trust',
      'Communication',
      'Responsiveness',
      'Understanding of the business',
      'Value delivered',
      'Strategic alignment',
      'Rules of engagement',
    ]);
  });
});

describe('example cards', () => {
  it('exist for every built-in template and no other', () => {
    expect(Object.keys(EXAMPLE_CARDS).sort()).toEqual(BUILT_IN_TEMPLATES.map((t) => t.id).sort());
  });

  it.each(BUILT_IN_TEMPLATES.map((t) => [t.id, t] as const))('%s validates against its own template, unchanged', (id, template) => {
    const example = EXAMPLE_CARDS[id];
    if (!example) throw new Error(id);
    const result = validateFields(template, example.fields);
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    expect(result.fields).toEqual(example.fields);
    expect(example.title.length).toBeGreaterThan(0);
    expect(example.summary.length).toBeGreaterThan(0);
    for (const tag of example.tags) expect(PRACTICE_AREAS).toContain(tag);
    for (const def of template.fields) if (def.required) expect(Object.keys(result.fields)).toContain(def.key);
  });

  it('link to the other example cards by their seeded ids, and name members by demo handles only', () => {
    const demoHandles = ['amara.okafor', 'lukas.meyer', 'mei.chen', 'priya.sharma', 'tomas.garcia', 'jonah.williams'];
    const plan = validateFields(builtIn('strategic-account-plan'), EXAMPLE_CARDS['strategic-account-plan']?.fields);
    if (!plan.ok) throw new Error('invalid');
    expect(plan.links).toContainEqual({ path: 'partner', link: { kind: 'card', id: exampleCardId('business-partner-profile') } });
    expect(exampleCardId('business-case')).toBe('demo-card-business-case');
    for (const template of BUILT_IN_TEMPLATES) {
      const result = validateFields(template, EXAMPLE_CARDS[template.id]?.fields);
      if (!result.ok) throw new Error(template.id);
      for (const { handle } of result.people) expect(demoHandles).toContain(handle);
      for (const { link } of result.links) {
        if (link.kind === 'card') expect(BUILT_IN_TEMPLATES.map((t) => exampleCardId(t.id))).toContain(link.id);
        else if (link.kind === 'thread') expect(link.id).toBe(DEMO_THREAD.id);
        else expect(DEMO_IDEAS.map((i) => i.id)).toContain(link.id);
      }
    }
  });
});
