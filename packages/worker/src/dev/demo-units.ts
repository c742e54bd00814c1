/**
 * The demo tenant's business units, the least the demo needs for units to show: one per business
 * unit the demo people's tokens name (IT as the supply side), their people and ideas matched
 * through the aliases as a sign-in and a submission would match them.
 */
import type { UnitSide } from '@bridgekit/sdk';
import { normaliseAlias } from '../domain/business-units.ts';
import type { Statement } from './seed.ts';

/** `mix`: the share of approved demand the unit means to spend per demand class, in percent. */
export const DEMO_UNITS: readonly { key: string; name: string; side: UnitSide; aliases?: string[]; mix?: Record<string, number> }[] = [
  { key: 'finance', name: 'Finance', side: 'demand', aliases: ['Contoso Finance'], mix: { run: 40, grow: 25, transform: 35 } },
  { key: 'operations', name: 'Operations', side: 'demand', mix: { run: 55, grow: 25, transform: 20 } },
  { key: 'people-hr', name: 'People & HR', side: 'demand', aliases: ['HR'], mix: { run: 50, grow: 30, transform: 20 } },
  { key: 'sales', name: 'Sales', side: 'demand', mix: { run: 30, grow: 50, transform: 20 } },
  { key: 'supply-chain', name: 'Supply chain', side: 'demand', mix: { run: 40, grow: 35, transform: 25 } },
  { key: 'it', name: 'IT', side: 'supply' },
];

export const demoUnitId = (key: string) => `demo-unit-${key}`;

/** The units and their aliases: before the people. */
export function demoUnitStatements(tenantId: string, now: number): Statement[] {
  return DEMO_UNITS.flatMap((u) => [
    {
      sql: `insert into business_units (id, tenant_id, key, name, side, intended_mix, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)
        on conflict do update set intended_mix = coalesce(business_units.intended_mix, excluded.intended_mix)`,
      params: [demoUnitId(u.key), tenantId, u.key, u.name, u.side, u.mix ? JSON.stringify(u.mix) : null, now, now],
    },
    ...[u.name, ...(u.aliases ?? [])].map((alias) => ({
      sql: 'insert into business_unit_aliases (tenant_id, alias, unit_id) values (?, ?, ?) on conflict do nothing',
      params: [tenantId, normaliseAlias(alias), demoUnitId(u.key)],
    })),
  ]);
}

const matched = (table: 'users' | 'ideas', column: 'business_unit' | 'beneficiary') =>
  `update ${table} set unit_id = (select a.unit_id from business_unit_aliases a where a.tenant_id = ${table}.tenant_id
    and a.alias = lower(replace(replace(replace(trim(${table}.${column}), '  ', ' '), '  ', ' '), '  ', ' ')))
  where tenant_id = ? and unit_id is null and ${column} is not null`;

/** People's and ideas' units from their claims and beneficiaries: after the ideas, before support is counted. */
export function demoUnitLinks(tenantId: string): Statement[] {
  return [
    { sql: matched('users', 'business_unit'), params: [tenantId] },
    { sql: matched('ideas', 'beneficiary'), params: [tenantId] },
  ];
}
