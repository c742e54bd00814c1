import { describe, expect, it } from 'vitest';
import { useTestRoleClaims } from '../../worker/test/helpers.ts';
import { clientAs, failure } from './clients.ts';

const as = (sub: string, name: string, bu: string, roles: string[] = []) => clientAs(sub, { name, bu, roles });

describe('business units through the SDK', () => {
  it('lists and reads units, lets admins manage them and the CIO grant, and sends ideas with their units', async () => {
    await useTestRoleClaims();
    const admin = await as('sdk-units-admin', 'Ada Admin', 'IT', ['Bridgekit.Admin']);
    const member = await as('sdk-units-member', 'Milo Member', 'contoso finance');

    const units = await member.units.list();
    expect(units.find((u) => u.key === 'it')).toMatchObject({ name: 'IT', side: 'supply', archivedAt: null });
    expect((await member.units.get('finance')).aliases).toContain('contoso finance');
    expect(await failure(member.units.get('nowhere'))).toMatchObject({ status: 404, reason: 'not_found.unit' });
    expect(await failure(member.admin.units.create({ key: 'nope', name: 'Nope' }))).toMatchObject({ status: 403 });

    const created = await admin.admin.units.create({ key: 'sdk-legal', name: 'SDK Legal', aliases: ['Legal SDK'] });
    expect(created.aliases).toEqual(['legal sdk', 'sdk legal']);
    expect((await admin.admin.units.update('sdk-legal', { parent: 'finance' })).parent).toBe('finance');
    const team = await admin.admin.units.setTeam('sdk-legal', { businessPartners: ['amara.okafor'], relationshipManagers: [] });
    expect(team.team.businessPartners).toEqual([{ handle: 'amara.okafor', name: 'Amara Okafor' }]);
    expect(Array.isArray(await admin.admin.units.unmatched())).toBe(true);

    const idea = await member.ideas.create({
      board: 'general',
      title: `Units from the SDK ${Date.now()}`,
      unit: 'finance',
      impactedUnits: ['sdk-legal'],
    });
    expect(idea.unit?.key).toBe('finance');
    expect(idea.impactedUnits.map((u) => u.key)).toEqual(['sdk-legal']);
    expect((await member.ideas.list({ board: 'general', unit: 'sdk-legal' })).items).toEqual([]);
    expect((await member.ideas.list({ board: 'general', unit: 'finance', limit: 100 })).items.map((i) => i.id)).toContain(idea.id);
    expect((await member.me()).user).toMatchObject({ unit: { key: 'finance' }, cio: false, teams: [] });

    const handle = (await member.me()).user?.handle ?? '';
    const moved = await admin.admin.units.setPersonUnit(`@${handle}`, 'sales');
    expect(moved).toMatchObject({ handle, name: 'Milo Member', unit: { key: 'sales' } });
    expect(await failure(admin.admin.units.setPersonUnit(handle, 'sdk-nowhere'))).toMatchObject({
      status: 400,
      reason: 'validation_failed.unknown_unit',
    });
    expect(await failure(member.admin.units.setPersonUnit(handle, null))).toMatchObject({ status: 403 });

    expect((await admin.admin.units.archive('sdk-legal')).archivedAt).not.toBeNull();

    await admin.admin.roles.grant('sdk-units-member', 'cio');
    expect((await member.me()).user?.cio).toBe(true);
    await admin.admin.roles.revoke('sdk-units-member', { role: 'cio' });
    expect((await member.me()).user?.cio).toBe(false);
  });
});
