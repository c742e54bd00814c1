/**
 * `POST /templates/validate`: a definition checked by the same rules as `PUT /templates/{id}`,
 * answered as it would be stored or refused at its paths — and nothing written, in the tenant's
 * own templates only.
 */
import { env } from 'cloudflare:workers';
import type { CardTemplate, TemplateInput } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, call, DEMO, errorOf, json, ORIGIN, seedOtherTenant, token } from './helpers.ts';

const OTHER = `${ORIGIN}/v1/tenants/other`;

const DEFINITION: TemplateInput = {
  id: 'vendor-review',
  name: '  Vendor review  ',
  fields: [
    { key: 'vendor', label: 'Vendor', type: 'text', required: true },
    { key: 'rating', label: 'Rating', type: 'enum', options: [{ value: 'good', label: 'Good' }] },
  ],
};

const count = async (table: string) => (await env.DB.prepare(`select count(*) as n from ${table}`).first<{ n: number }>())?.n ?? 0;
/** What a validation could write to: the templates, and the configuration log. */
const written = async () => [await count('card_templates'), await count('config_log')];

beforeAll(async () => {
  await seedOtherTenant();
});

describe('POST /templates/validate', () => {
  it('answers the template as it would be stored, and stores nothing', async () => {
    const before = await written();
    const res = await admin(`${DEMO}/templates/validate`, 'POST', DEFINITION);
    expect(res.status).toBe(200);
    expect(await json<CardTemplate>(res)).toEqual({
      id: 'vendor-review',
      name: 'Vendor review',
      description: '',
      builtIn: false,
      fields: DEFINITION.fields,
      version: 1,
    });
    expect(await written()).toEqual(before);
    expect((await admin(`${DEMO}/templates/vendor-review`)).status).toBe(404);
  });

  it('refuses a definition with each problem at its path, as PUT does, and stores nothing', async () => {
    const before = await written();
    const bad = {
      ...DEFINITION,
      id: 'business-case',
      fields: [...DEFINITION.fields, { key: 'due-date', label: 'Due', type: 'date' }],
    };
    const res = await admin(`${DEMO}/templates/validate`, 'POST', bad);
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.reason).toBe('validation_failed.template');
    expect(error.details?.map((d) => d.path)).toEqual(['body.id', 'body.fields.2.key']);
    const put = await errorOf(await admin(`${DEMO}/templates/business-case`, 'PUT', bad));
    expect(put.details).toEqual(error.details);

    const shape = await admin(`${DEMO}/templates/validate`, 'POST', { ...DEFINITION, fields: [] });
    expect(shape.status).toBe(400);
    expect((await errorOf(shape)).details?.map((d) => d.path)).toEqual(['body.fields']);
    expect(await written()).toEqual(before);
  });

  it('gives an existing template its next version, and leaves the stored one as it is', async () => {
    const stored = await json<CardTemplate>(
      await admin(`${DEMO}/templates/partner-review`, 'PUT', { ...DEFINITION, id: 'partner-review' }),
    );
    expect(stored.version).toBe(1);
    const changed = { ...DEFINITION, id: 'partner-review', fields: [{ key: 'partner', label: 'Partner', type: 'person' as const }] };
    const preview = await json<CardTemplate>(await admin(`${DEMO}/templates/validate`, 'POST', changed));
    expect(preview).toMatchObject({ id: 'partner-review', version: 2, fields: changed.fields });
    expect(await json<CardTemplate>(await admin(`${DEMO}/templates/partner-review`))).toEqual(stored);
  });

  it('reads only the tenant’s own templates, and takes the tenant’s admins only', async () => {
    await admin(`${DEMO}/templates/shared-name`, 'PUT', { ...DEFINITION, id: 'shared-name' });
    await admin(`${DEMO}/templates/shared-name`, 'PUT', { ...DEFINITION, id: 'shared-name' });
    const elsewhere = await json<CardTemplate>(await admin(`${OTHER}/templates/validate`, 'POST', { ...DEFINITION, id: 'shared-name' }));
    expect(elsewhere.version).toBe(1);

    const member = await call(`${DEMO}/templates/validate`, { method: 'POST', token: await token(), body: JSON.stringify(DEFINITION) });
    expect(member.status).toBe(403);
    const demoAdmin = await token({ sub: 'demo|template-admin', extra: { roles: ['Bridgekit.Admin'] } });
    const foreign = await call(`${OTHER}/templates/validate`, { method: 'POST', token: demoAdmin, body: JSON.stringify(DEFINITION) });
    // Signed with the demo tenant's secret: not a token of the other tenant.
    expect(foreign.status).toBe(401);
  });
});
