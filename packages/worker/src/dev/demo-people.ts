/**
 * The demo's colleagues beyond the people who sign in: enough business and IT people per unit
 * that the cockpit's minimum group size does not blank every figure, each unit's relationship
 * team (its business partner and relationship manager), and who evaluates. They never sign in.
 */
import { handleBase } from '../store/users.ts';
import { DEMO_TENANT } from './demo-data.ts';
import { demoUnitId } from './demo-units.ts';
import type { Statement } from './seed.ts';

export interface DemoColleague {
  key: string;
  name: string;
  /** The key of their unit (demo-units.ts). */
  unit: string;
  title: string;
}

export const DEMO_COLLEAGUES: readonly DemoColleague[] = [
  { key: 'rafael', name: 'Rafael Souza', unit: 'finance', title: 'Head of accounts payable' },
  { key: 'ingrid', name: 'Ingrid Larsen', unit: 'finance', title: 'Group financial controller' },
  { key: 'noah', name: 'Noah Becker', unit: 'finance', title: 'Accounts payable clerk' },
  { key: 'sara', name: 'Sara Lindqvist', unit: 'finance', title: 'Treasury analyst' },
  { key: 'jamal', name: 'Jamal Haddad', unit: 'finance', title: 'Planning analyst' },
  { key: 'elif', name: 'Elif Yilmaz', unit: 'finance', title: 'Payroll lead' },
  { key: 'viktor', name: 'Viktor Novak', unit: 'operations', title: 'Chief operating officer' },
  { key: 'anna', name: 'Anna Kowalski', unit: 'operations', title: 'Plant manager' },
  { key: 'ben', name: 'Ben Carter', unit: 'operations', title: 'Maintenance planner' },
  { key: 'chloe', name: 'Chloé Martin', unit: 'operations', title: 'Quality lead' },
  { key: 'dmitri', name: 'Dmitri Petrov', unit: 'operations', title: 'Shift supervisor' },
  { key: 'olivia', name: 'Olivia Grant', unit: 'sales', title: 'Chief commercial officer' },
  { key: 'kenji', name: 'Kenji Watanabe', unit: 'sales', title: 'Key account manager' },
  { key: 'laura', name: 'Laura Rossi', unit: 'sales', title: 'Sales operations lead' },
  { key: 'marcus', name: 'Marcus Johnson', unit: 'sales', title: 'Inside sales manager' },
  { key: 'nadia', name: 'Nadia Ali', unit: 'sales', title: 'Pricing analyst' },
  { key: 'greta', name: 'Greta Hansen', unit: 'supply-chain', title: 'VP supply chain' },
  { key: 'hugo', name: 'Hugo Lefèvre', unit: 'supply-chain', title: 'Demand planner' },
  { key: 'isabel', name: 'Isabel Cruz', unit: 'supply-chain', title: 'Warehouse manager' },
  { key: 'karim', name: 'Karim Benali', unit: 'supply-chain', title: 'Logistics coordinator' },
  { key: 'lena', name: 'Lena Vogel', unit: 'supply-chain', title: 'Procurement lead' },
  { key: 'ruth', name: 'Ruth Adeyemi', unit: 'people-hr', title: 'Chief people officer' },
  { key: 'sam', name: 'Sam Oliver', unit: 'people-hr', title: 'Recruiting lead' },
  { key: 'tara', name: 'Tara Singh', unit: 'people-hr', title: 'Learning partner' },
  { key: 'umar', name: 'Umar Farooq', unit: 'people-hr', title: 'HR systems analyst' },
  { key: 'vera', name: 'Vera Ivanova', unit: 'people-hr', title: 'Payroll specialist' },
  { key: 'daniel', name: 'Daniel Brooks', unit: 'it', title: 'Business relationship manager' },
  { key: 'yusuf', name: 'Yusuf Demir', unit: 'it', title: 'Business relationship manager' },
  { key: 'alex', name: 'Alex Kim', unit: 'it', title: 'Solution architect' },
  { key: 'hannah', name: 'Hannah Wolf', unit: 'it', title: 'Service desk lead' },
  { key: 'ravi', name: 'Ravi Nair', unit: 'it', title: 'Data engineer' },
  { key: 'zoe', name: 'Zoe Clarke', unit: 'it', title: 'ERP lead' },
];

/**
 * Each demand unit's relationship team: Finance's are Amara and Helena (the CFO), who sign in
 * (demo-data.ts), as does Sofia, the CIO, who is on no team and reads every unit.
 */
export const DEMO_UNIT_TEAMS: readonly { unit: string; businessPartner: string; relationshipManager: string }[] = [
  { unit: 'finance', businessPartner: 'helena', relationshipManager: 'amara' },
  { unit: 'operations', businessPartner: 'viktor', relationshipManager: 'daniel' },
  { unit: 'supply-chain', businessPartner: 'greta', relationshipManager: 'daniel' },
  { unit: 'sales', businessPartner: 'olivia', relationshipManager: 'yusuf' },
  { unit: 'people-hr', businessPartner: 'ruth', relationshipManager: 'yusuf' },
];

/** Evaluators beside Mei (a moderator): Alex, IT's architect, and Helena, who sits on the Finance demand board. */
export const DEMO_EVALUATORS = ['alex', 'helena'] as const;

/** The colleagues of a unit, by key. */
export const colleaguesOf = (unit: string) => DEMO_COLLEAGUES.filter((c) => c.unit === unit).map((c) => c.key);

/** The colleagues, their units' teams and the evaluator grants: after the units, before anything they did. */
export function demoPeopleStatements(now: number): Statement[] {
  const t = DEMO_TENANT.id;
  const rows = DEMO_COLLEAGUES.map((c) => ({
    id: `demo-user-${c.key}`,
    subject: `demo|${c.key}`,
    name: c.name,
    email: `${c.key}@contoso.example`,
    unitId: demoUnitId(c.unit),
    handle: handleBase(c.name),
  }));
  const teams = DEMO_UNIT_TEAMS.flatMap((team) => [
    { unit: demoUnitId(team.unit), user: `demo-user-${team.businessPartner}`, role: 'business_partner' },
    { unit: demoUnitId(team.unit), user: `demo-user-${team.relationshipManager}`, role: 'relationship_manager' },
  ]);
  return [
    {
      sql: `insert into users (id, tenant_id, subject, name, email, business_unit, unit_id, handle, created_at, last_seen_at)
        select json_extract(j.value, '$.id'), ?, json_extract(j.value, '$.subject'), json_extract(j.value, '$.name'), json_extract(j.value, '$.email'),
          (select name from business_units where id = json_extract(j.value, '$.unitId')), json_extract(j.value, '$.unitId'), json_extract(j.value, '$.handle'), ?, ?
        from json_each(?) j where true on conflict (tenant_id, subject) do nothing`,
      params: [t, now, now, JSON.stringify(rows)],
    },
    {
      sql: `insert into business_unit_people (unit_id, user_id, tenant_id, role, created_at)
        select json_extract(j.value, '$.unit'), json_extract(j.value, '$.user'), ?, json_extract(j.value, '$.role'), ?
        from json_each(?) j where true on conflict do nothing`,
      params: [t, now, JSON.stringify(teams)],
    },
    ...DEMO_EVALUATORS.map((key) => ({
      sql: "insert into user_roles (tenant_id, subject, role, granted_by, created_at) values (?, ?, 'evaluator', 'seed', ?) on conflict do nothing",
      params: [t, `demo|${key}`, now],
    })),
  ];
}
