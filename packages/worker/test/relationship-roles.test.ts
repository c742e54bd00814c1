/**
 * The five roles of a business relationship (issue 16), each mapped from the identity provider or
 * assigned by an admin: evaluator (the decision forum's members), community lead (the moderator
 * role), CIO (by claim or grant), business partner and relationship manager (places on a unit's
 * team). docs/business-units.md#roles.
 */
import type { Viewer } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, call, DEMO, json, token, useTestRoleClaims } from './helpers.ts';

const me = async (t: string) => (await json<Viewer>(await call(`${DEMO}/me`, { token: t }))).user;
const withRoles = (sub: string, roles: string[]) => token({ sub, name: `Role ${sub}`, bu: 'Finance', extra: { roles } });

beforeAll(useTestRoleClaims);

describe('the roles of a business relationship', () => {
  it('maps the evaluator (decision forum), the community lead (moderator) and the CIO from the token', async () => {
    expect(await me(await withRoles('rr-forum', ['Bridgekit.Evaluator']))).toMatchObject({ role: 'evaluator', cio: false });
    expect(await me(await withRoles('rr-lead', ['Bridgekit.Moderator']))).toMatchObject({ role: 'moderator', cio: false });
    // The CIO keeps their level beside it.
    expect(await me(await withRoles('rr-cio', ['Bridgekit.CIO', 'Bridgekit.Evaluator']))).toMatchObject({
      role: 'evaluator',
      cio: true,
    });
    expect(await me(await withRoles('rr-plain', ['Something.Else']))).toMatchObject({ role: 'member', cio: false });
  });

  it('assigns business partners and relationship managers as places on a unit team', async () => {
    const partner = await withRoles('rr-partner', []);
    const manager = await withRoles('rr-manager', []);
    // They become members (with handles) on their first write.
    for (const t of [partner, manager]) {
      expect((await call(`${DEMO}/ideas/demo-idea-sso/vote`, { method: 'PUT', token: t, body: '{"votes":1}' })).status).toBe(200);
    }
    const handles = await Promise.all([partner, manager].map(async (t) => (await me(t))?.handle ?? ''));
    const res = await admin(`${DEMO}/units/sales/team`, 'PUT', { businessPartners: [handles[0]], relationshipManagers: [handles[1]] });
    expect(res.status).toBe(200);
    expect((await me(partner))?.teams).toEqual([{ unit: { key: 'sales', name: 'Sales', side: 'demand' }, role: 'business_partner' }]);
    expect((await me(manager))?.teams).toEqual([{ unit: { key: 'sales', name: 'Sales', side: 'demand' }, role: 'relationship_manager' }]);
  });
});
