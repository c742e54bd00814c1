/**
 * The cockpit's monthly rollups (docs/insights.md): `unit_rollups` rows per business unit, month
 * (`YYYY-MM`, UTC), metric and dimension, rebuilt from the raw tables for every month from
 * `fromMonth` on. A rebuild is a constant number of statements whatever the years of data: one
 * DELETE of those months, one INSERT … SELECT … GROUP BY per family of metrics, and the run's
 * "as of" — all in one batch, so a reader never sees half a rebuild.
 */
import { and, eq, gte, type SQL, sql } from 'drizzle-orm';
import { type D1Binding, type Database, database } from '../db/client.ts';
import { rollupRuns, unitRollups } from '../db/schema.ts';
import { qualified } from '../db/sql.ts';
import { DEFAULT_STATUSES } from '../domain/statuses.ts';
import { versioned } from '../store/cache-versions.ts';
import { addMonths, isMonth, monthOfMs, monthStart } from './months.ts';

/** The metrics a rollup writes (`unit_rollups.metric`); `dim` is '' unless said. */
export const METRICS = {
  /** Distinct people active in the month, by the side they speak for. */
  peopleBusiness: 'people.business',
  peopleProvider: 'people.provider',
  /** Published comments by the unit's people or in its ideas' discussions (a thread starts with its first comment). */
  discussions: 'discussions',
  /** Distinct published cards the unit used (see `cardUses`). */
  cardsUsed: 'cards.used',
  ideasSubmitted: 'ideas.submitted',
  /** Distinct ideas that got a vote in the month. */
  ideasBacked: 'ideas.backed',
  /** Distinct ideas the intake approved (decided in the month). */
  ideasApproved: 'ideas.approved',
  /** Distinct ideas moved into a `done` status. */
  ideasDelivered: 'ideas.delivered',
  /** Distinct ideas moved into a deflection status; dim = the status key. */
  ideasDeflected: 'ideas.deflected',
  /** Distinct ideas moved into any `declined` status (deflections included); dim = the status key. */
  ideasOutcome: 'ideas.outcome',
  /** Ideas submitted by demand class; dim = the class key ('' when unclassed). */
  demand: 'demand',
  /** Actions per person; dim = the user id. */
  contributions: 'contributions',
} as const;

const DEFAULT_STATUSES_JSON = JSON.stringify(DEFAULT_STATUSES);
const monthOf = (epochMs: SQL) => sql`strftime('%Y-%m', ${epochMs} / 1000, 'unixepoch')`;

/**
 * Every action of a person that makes them active, since `fromMs`: `(user_id, at, item_unit)`,
 * where `item_unit` is the unit of the idea or card acted on (NULL when it has none). Posting an
 * idea, commenting, backing, scoring (one action per evaluation) and saving a card version.
 * Published items only.
 */
function actions(tenantId: string, fromMs: number): SQL {
  return sql`select i.author_id as user_id, i.created_at as at, i.unit_id as item_unit from ideas i
      where i.tenant_id = ${tenantId} and i.state = 'published' and i.created_at >= ${fromMs}
    union all select c.author_id, c.created_at, coalesce(ti.unit_id, tk.unit_id) from comments c
      join threads t on t.id = c.thread_id
      left join ideas ti on ti.id = (case when t.key like 'idea:%' then substr(t.key, 6) end) and ti.tenant_id = c.tenant_id
      left join cards tk on tk.id = (case when t.key like 'card:%' then substr(t.key, 6) end) and tk.tenant_id = c.tenant_id
      where c.tenant_id = ${tenantId} and c.state = 'published' and c.created_at >= ${fromMs}
    union all select v.user_id, v.created_at, vi.unit_id from votes v join ideas vi on vi.id = v.idea_id
      where v.tenant_id = ${tenantId} and vi.state = 'published' and v.created_at >= ${fromMs}
    union all select su.id, s.at, si.unit_id from
      (select idea_id, evaluator, max(updated_at) as at from idea_scores
        where tenant_id = ${tenantId} and updated_at >= ${fromMs} group by idea_id, evaluator) s
      join users su on su.tenant_id = ${tenantId} and su.subject = s.evaluator
      join ideas si on si.id = s.idea_id
    union all select cu.id, cv.created_at, k.unit_id from card_versions cv
      join users cu on cu.tenant_id = cv.tenant_id and cu.subject = cv.by_subject
      join cards k on k.id = cv.card_id and k.state = 'published'
      where cv.tenant_id = ${tenantId} and cv.created_at >= ${fromMs}`;
}

/**
 * Actions attributed to units, with the side they count for: a person's actions count for their
 * own unit, on its side (a supply unit's people as `provider`, a demand unit's as `business`);
 * a provider-side person's actions on another unit's idea or card count for that unit too, as
 * `provider`. People without a unit count nowhere.
 */
function attributed(tenantId: string, fromMs: number): SQL {
  return sql`acts as (${actions(tenantId, fromMs)}),
    attributed as (
      select a.user_id, ${monthOf(sql`a.at`)} as month, u.unit_id, case ub.side when 'supply' then 'provider' else 'business' end as side
        from acts a join users u on u.id = a.user_id join business_units ub on ub.id = u.unit_id
      union all
      select a.user_id, ${monthOf(sql`a.at`)}, a.item_unit, 'provider'
        from acts a join users u on u.id = a.user_id join business_units ub on ub.id = u.unit_id and ub.side = 'supply'
        where a.item_unit is not null and a.item_unit <> u.unit_id
    )`;
}

/** A status change of a published idea with a unit, joined to the status definition it moved into (`st.value`). */
function statusChanges(tenantId: string, fromMs: number): SQL {
  return sql`from idea_status_changes sc join ideas i on i.id = sc.idea_id and i.state = 'published' and i.unit_id is not null
      join boards b on b.id = i.board_id, json_each(coalesce(b.statuses, ${DEFAULT_STATUSES_JSON})) st
      where sc.tenant_id = ${tenantId} and sc.created_at >= ${fromMs} and json_extract(st.value, '$.key') = sc.to_status`;
}

/** The SELECTs of a rebuild from `fromMs`, each giving `unit_rollups` rows (tenant, unit, month, metric, dim, value). */
function figureSelects(t: string, fromMs: number, fromText: string): SQL[] {
  return [
    // Active people by side, and each person's actions (contributions).
    sql`with ${attributed(t, fromMs)}
      select ${t}, unit_id, month, case side when 'provider' then ${METRICS.peopleProvider} else ${METRICS.peopleBusiness} end, '', count(distinct user_id)
        from attributed group by unit_id, month, side
      union all select ${t}, unit_id, month, ${METRICS.contributions}, user_id, count(*) from attributed group by unit_id, month, user_id`,
    // Discussions: each comment once per unit, whether by its people or in its idea's discussion.
    sql`select ${t}, unit_id, month, ${METRICS.discussions}, '', count(*) from (
        select c.id, ${monthOf(sql`c.created_at`)} as month, u.unit_id from comments c join users u on u.id = c.author_id
          where c.tenant_id = ${t} and c.state = 'published' and c.created_at >= ${fromMs} and u.unit_id is not null
        union select c.id, ${monthOf(sql`c.created_at`)}, ti.unit_id from comments c join threads th on th.id = c.thread_id
          join ideas ti on ti.id = (case when th.key like 'idea:%' then substr(th.key, 6) end) and ti.tenant_id = c.tenant_id
          where c.tenant_id = ${t} and c.state = 'published' and c.created_at >= ${fromMs} and ti.unit_id is not null and ti.state = 'published'
      ) group by unit_id, month`,
    sql`select ${t}, uses.unit_id, uses.month, ${METRICS.cardsUsed}, '', count(distinct uses.card_id) from (${cardUses(t, fromMs)}) uses
        join cards k on k.id = uses.card_id and k.tenant_id = ${t} and k.state = 'published' group by uses.unit_id, uses.month`,
    // Ideas submitted, and by demand class.
    sql`select ${t}, i.unit_id, ${monthOf(sql`i.created_at`)} as month, ${METRICS.ideasSubmitted}, '', count(*) from ideas i
        where i.tenant_id = ${t} and i.state = 'published' and i.unit_id is not null and i.created_at >= ${fromMs} group by i.unit_id, month
      union all select ${t}, i.unit_id, ${monthOf(sql`i.created_at`)} as month, ${METRICS.demand}, coalesce(i.demand_class, ''), count(*) from ideas i
        where i.tenant_id = ${t} and i.state = 'published' and i.unit_id is not null and i.created_at >= ${fromMs} group by i.unit_id, month, coalesce(i.demand_class, '')`,
    sql`select ${t}, i.unit_id, ${monthOf(sql`v.created_at`)} as month, ${METRICS.ideasBacked}, '', count(distinct i.id) from votes v
        join ideas i on i.id = v.idea_id where v.tenant_id = ${t} and v.created_at >= ${fromMs} and i.state = 'published' and i.unit_id is not null
        group by i.unit_id, month`,
    sql`select ${t}, i.unit_id, substr(d.decided_on, 1, 7) as month, ${METRICS.ideasApproved}, '', count(distinct i.id) from intake_decisions d
        join ideas i on i.id = d.idea_id where d.tenant_id = ${t} and d.step = 'approved' and d.decided_on >= ${fromText}
        and i.state = 'published' and i.unit_id is not null group by i.unit_id, month`,
    // Outcomes from status changes: delivered (done), deflected (a deflection status), every declined one by status.
    sql`select ${t}, i.unit_id, ${monthOf(sql`sc.created_at`)} as month, ${METRICS.ideasDelivered}, '', count(distinct i.id)
        ${statusChanges(t, fromMs)} and json_extract(st.value, '$.category') = 'done' group by i.unit_id, month
      union all select ${t}, i.unit_id, ${monthOf(sql`sc.created_at`)} as month, ${METRICS.ideasDeflected}, sc.to_status, count(distinct i.id)
        ${statusChanges(t, fromMs)} and json_extract(st.value, '$.deflection') = 1 group by i.unit_id, month, sc.to_status
      union all select ${t}, i.unit_id, ${monthOf(sql`sc.created_at`)} as month, ${METRICS.ideasOutcome}, sc.to_status, count(distinct i.id)
        ${statusChanges(t, fromMs)} and json_extract(st.value, '$.category') = 'declined' group by i.unit_id, month, sc.to_status`,
  ];
}

/**
 * A unit's uses of cards: `(card_id, unit_id, month)` — a card its published idea was proposed
 * from (the idea's month), a card named as the answer when its idea's status changed, a card whose
 * discussion its people commented in, and a card its people marked "this helped me".
 */
function cardUses(t: string, fromMs: number): SQL {
  return sql`select i.source_card_id as card_id, i.unit_id, ${monthOf(sql`i.created_at`)} as month from ideas i
      where i.tenant_id = ${t} and i.state = 'published' and i.unit_id is not null and i.source_card_id is not null and i.created_at >= ${fromMs}
    union all select sc.card_id, i.unit_id, ${monthOf(sql`sc.created_at`)} from idea_status_changes sc join ideas i on i.id = sc.idea_id
      where sc.tenant_id = ${t} and sc.card_id is not null and sc.created_at >= ${fromMs} and i.state = 'published' and i.unit_id is not null
    union all select substr(th.key, 6), u.unit_id, ${monthOf(sql`c.created_at`)} from comments c join threads th on th.id = c.thread_id
      join users u on u.id = c.author_id
      where c.tenant_id = ${t} and c.state = 'published' and c.created_at >= ${fromMs} and th.key like 'card:%' and u.unit_id is not null
    union all select h.card_id, u.unit_id, ${monthOf(sql`h.created_at`)} from card_helped h join users u on u.id = h.user_id
      where h.tenant_id = ${t} and h.created_at >= ${fromMs} and u.unit_id is not null`;
}

/**
 * The statements of a rebuild from `fromMonth` (`YYYY-MM`; null: every month), in order: the
 * DELETE, one INSERT … SELECT per family of figures, and the run (returning its first month).
 */
export function rollupQueries(db: Database, tenantId: string, fromMonth: string | null, now: number) {
  if (fromMonth !== null && !isMonth(fromMonth)) throw new Error(`Not a month: ${fromMonth}`);
  const fromMs = fromMonth === null ? 0 : monthStart(fromMonth);
  const fromText = fromMonth ?? '';
  const first =
    fromMonth ??
    sql`coalesce((select min(${qualified(unitRollups.month)}) from ${unitRollups} where ${qualified(unitRollups.tenantId)} = ${tenantId}), ${monthOfMs(now)})`;
  return [
    db.delete(unitRollups).where(and(eq(unitRollups.tenantId, tenantId), gte(unitRollups.month, fromText))),
    ...figureSelects(tenantId, fromMs, fromText).map((select) => db.insert(unitRollups).select(select)),
    db
      .insert(rollupRuns)
      .values({ tenantId, rolledAt: now, fromMonth: first })
      .onConflictDoUpdate({ target: rollupRuns.tenantId, set: { rolledAt: now, fromMonth: sql`excluded.from_month` } })
      .returning({ fromMonth: rollupRuns.fromMonth }),
  ] as const;
}

/** The rebuild as plain SQL with its parameters, for scripts that run statements themselves (the demo seed). */
export function rollupStatements(
  tenantId: string,
  fromMonth: string | null,
  now: number,
): { sql: string; params: (string | number | null)[] }[] {
  const sqlOnly = database({} as D1Binding);
  // Every parameter here is a tenant id, a month, a metric name, a status list or a time.
  return rollupQueries(sqlOnly, tenantId, fromMonth, now).map((q) => q.toSQL() as { sql: string; params: (string | number | null)[] });
}

/** Rebuilds the tenant's rollups from `fromMonth` (null: all of them) in one batch; answers the oldest month rebuilt. */
export async function rebuildRollups(db: Database, tenantId: string, fromMonth: string | null, now: number): Promise<string> {
  const [remove, ...rest] = rollupQueries(db, tenantId, fromMonth, now);
  const results = await db.batch([remove, ...rest]);
  const run = results.at(-1) as { fromMonth: string }[];
  return run[0]?.fromMonth ?? fromMonth ?? monthOfMs(now);
}

/**
 * The hourly job: every tenant's rollups from the previous month on; a tenant never rolled up
 * yet is rebuilt whole (from its oldest activity). One batch per tenant; one failing does not
 * stop the others.
 */
export async function rollUpAll(db: Database, now: number): Promise<void> {
  const rows = await db.all<{ id: string; rolled: number }>(
    sql`select t.id, (r.tenant_id is not null) as rolled from tenants t left join rollup_runs r on r.tenant_id = t.id`,
  );
  const previous = addMonths(monthOfMs(now), -1);
  for (const row of rows) {
    try {
      // Through the tenant's versioned binding: the cockpit's cached answers see the new rollups.
      await rebuildRollups(database(versioned(db.$client as D1Binding, row.id)), row.id, row.rolled ? previous : null, now);
    } catch (err) {
      console.error(`Rollup of tenant ${row.id} failed`, err);
    }
  }
}
