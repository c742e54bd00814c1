import { describe, expect, it } from 'vitest';
import { useTestRoleClaims } from '../../worker/test/helpers.ts';
import { clientAs, failure } from './clients.ts';

describe('the cockpit through the SDK', () => {
  it("rebuilds as an admin, reads Finance's cockpit as its relationship manager and the overview as a plain member", async () => {
    await useTestRoleClaims();
    const admin = await clientAs('sdk-insights-admin', { name: 'Ines Admin', bu: 'IT', roles: ['Bridgekit.Admin'] });
    const rebuilt = await admin.insights.rebuild();
    expect(rebuilt.fromMonth).toMatch(/^\d{4}-\d{2}$/);
    // Amara, the demo's relationship manager of Finance.
    const amara = await clientAs('demo|amara', { name: 'Amara Okafor', bu: 'Finance' });
    const finance = await amara.insights.unit('finance', { from: '2026-01', to: '2026-06' });
    expect(finance).toMatchObject({ unit: { key: 'finance' }, from: '2026-01', to: '2026-06', asOf: rebuilt.asOf, minGroupSize: 5 });
    expect(finance.months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect((await amara.insights.overview()).units.map((u) => u.unit.key)).toContain('finance');

    const member = await clientAs('sdk-insights-member', { name: 'Max Member', bu: 'Finance' });
    expect((await member.insights.overview()).units).toEqual([]);
    expect(await failure(member.insights.unit('finance'))).toMatchObject({ status: 404, reason: 'not_found.health_unit' });
    expect(await failure(amara.insights.unit('finance', { from: '2026-06', to: '2026-01' }))).toMatchObject({
      status: 400,
      reason: 'validation_failed.insight_period',
    });
  });
});
