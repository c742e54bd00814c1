/**
 * A year of the demand units' requests before the demo's current ideas, on a board of their own,
 * so the cockpit's monthly charts have shape: each unit's people ask, back their own unit's
 * requests and talk them over with IT; older requests were approved and delivered, deflected
 * to self-service or declined, recent ones wait in screening. Generated from a short list of
 * believable titles, in a handful of bulk statements.
 */
import { PRESETS } from '../domain/scorecard.ts';
import { voteWeight } from '../domain/trending.ts';
import { DEMO_TENANT, type DemoThread } from './demo-data.ts';
import { colleaguesOf, DEMO_UNIT_TEAMS } from './demo-people.ts';
import { DEMO_UNITS } from './demo-units.ts';
import type { Statement } from './seed.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export const DEMO_HISTORY_BOARD = { id: 'demo-board-requests', slug: 'requests', name: 'Requests and small changes' } as const;

/** Per unit, its past requests, newest last; `class`: run, grow or transform. */
const TITLES: Record<string, readonly [string, 'run' | 'grow' | 'transform'][]> = {
  finance: [
    ['Approval workflow for manual journal entries', 'run'],
    ['Bank statement import for the second house bank', 'run'],
    ['Rolling forecast model for the leadership team', 'transform'],
    ['Supplier statement reconciliation report', 'run'],
    ['Cash position dashboard for treasury', 'grow'],
    ['One more column in the aged debtors report', 'run'],
    ['E-invoicing for public-sector customers', 'grow'],
    ['Intercompany netting in the ERP', 'transform'],
  ],
  operations: [
    ['Digital shift handover log', 'run'],
    ['Maintenance work orders on tablets', 'run'],
    ['Sensor alerts for the packaging line', 'transform'],
    ['Quality deviation form in the intranet', 'run'],
    ['Spare parts lookup by photo', 'grow'],
    ['Overtime report per shift', 'run'],
  ],
  sales: [
    ['Quote templates in the CRM', 'run'],
    ['Price approval for large deals', 'grow'],
    ['Customer health score for key accounts', 'grow'],
    ['Partner portal for resellers', 'transform'],
    ['Export of the opportunity list to Excel', 'run'],
    ['Lead routing by region', 'grow'],
  ],
  'supply-chain': [
    ['Carrier track-and-trace in one screen', 'run'],
    ['Supplier delivery performance report', 'run'],
    ['Dock scheduling for inbound trucks', 'grow'],
    ['Control tower for late purchase orders', 'transform'],
    ['Barcode labels for returns', 'run'],
    ['Safety stock review per warehouse', 'grow'],
  ],
  'people-hr': [
    ['Self-service address changes for staff', 'run'],
    ['Interview scheduling with calendars', 'run'],
    ['Skills profile for internal mobility', 'transform'],
    ['Leaver checklist for managers', 'run'],
    ['Learning records in one place', 'grow'],
    ['Payslip archive for former staff', 'run'],
  ],
};

/** How many requests the history has. */
export const DEMO_HISTORY_COUNT = Object.values(TITLES).reduce((n, titles) => n + titles.length, 0);

type Outcome = 'done' | 'self_service' | 'already_available' | 'declined_low_value' | 'planned' | 'open';
/** What became of a request by its age (months): older ones are decided. */
function outcomeOf(months: number, index: number, demandClass: string): Outcome {
  if (months <= 1) return 'open';
  if (demandClass !== 'run') return months >= 5 ? 'done' : 'planned';
  return (['self_service', 'done', 'already_available', 'declined_low_value'] as const)[index % 4] ?? 'open';
}

const STATUS: Record<Outcome, { category: string; step: string | null; closed: boolean; reason: string | null }> = {
  done: { category: 'done', step: 'approved', closed: true, reason: null },
  planned: { category: 'planned', step: 'approved', closed: false, reason: null },
  self_service: {
    category: 'declined',
    step: 'deflected',
    closed: true,
    reason: 'The self-service catalogue has this: the BI tool’s how-to, and the monthly hands-on session.',
  },
  already_available: {
    category: 'declined',
    step: 'deflected',
    closed: true,
    reason: 'The system already does this: the how-to is linked in the service catalogue.',
  },
  declined_low_value: { category: 'declined', step: 'deflected', closed: true, reason: 'Too little value for the effort this year.' },
  open: { category: 'open', step: null, closed: false, reason: null },
};

const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10);

export interface DemoHistory {
  statements: Statement[];
  /** The ids of the requests, for the seed's recounts. */
  ideaIds: string[];
  /** Their discussions, for the seed to write as it writes the demo's others. */
  threads: DemoThread[];
}

export function demoHistory(now: number): DemoHistory {
  const t = DEMO_TENANT.id;
  const ideas: Record<string, unknown>[] = [];
  const votes: Record<string, unknown>[] = [];
  const decisions: Record<string, unknown>[] = [];
  const changes: Record<string, unknown>[] = [];
  const scores: Record<string, unknown>[] = [];
  const threads: DemoThread[] = [];
  const itPeople = ['mei', 'alex', 'hannah', 'ravi', 'zoe'];
  for (const [unit, titles] of Object.entries(TITLES)) {
    const people = colleaguesOf(unit);
    const team = DEMO_UNIT_TEAMS.find((x) => x.unit === unit);
    titles.forEach(([title, demandClass], index) => {
      // Spread over the last twelve months, oldest first, each unit starting in a different week.
      const months = 11 - Math.floor((index * 12) / titles.length);
      const createdAt = now - months * 30 * DAY - ((index * 7 + unit.length) % 25) * DAY - 3 * HOUR;
      const id = `demo-request-${unit}-${index + 1}`;
      const author = people[index % people.length] ?? people[0];
      const outcome = outcomeOf(months, index, demandClass);
      const status = STATUS[outcome];
      const decidedAt = createdAt + 12 * DAY;
      ideas.push({
        id,
        author: `demo-user-${author}`,
        title,
        description: `Raised by ${DEMO_UNITS.find((u) => u.key === unit)?.name ?? unit} in the monthly demand review; the discussion has the details.`,
        lane: demandClass === 'run' ? 'change_request' : 'opportunity',
        unit: `demo-unit-${unit}`,
        sponsor: demandClass === 'run' || !team ? null : `demo-user-${unit === 'finance' ? 'ingrid' : team.businessPartner}`,
        demandClass,
        effort: demandClass === 'run' ? 'S' : demandClass === 'grow' ? 'M' : 'L',
        status: outcome,
        category: status.category,
        reason: status.reason,
        // The demo's one request credited to the practice card is the spend report (demo-data.ts).
        card: null,
        statusAt: outcome === 'open' ? null : decidedAt,
        closed: status.closed ? 1 : 0,
        step: status.step ?? 'screening',
        needMet: outcome === 'self_service' ? 1 : null,
        createdAt,
      });
      // Backed by three to five of the unit's own people, now and then by someone of IT.
      const backers = [...people.slice(0, 3 + (index % 3)), ...(index % 3 === 0 ? [itPeople[index % itPeople.length]] : [])];
      backers.forEach((backer, i) => {
        const at = createdAt + (i + 1) * 5 * HOUR;
        votes.push({ idea: id, user: `demo-user-${backer}`, weight: voteWeight(1, at), at });
      });
      if (status.step) {
        decisions.push({
          id: `${id}-screening`,
          idea: id,
          step: 'screening',
          forum: null,
          on: isoDay(createdAt + DAY),
          decider: team?.relationshipManager,
        });
        decisions.push({
          id: `${id}-${status.step}`,
          idea: id,
          step: status.step,
          forum: status.step === 'approved' ? (unit === 'finance' ? 'Finance demand board' : 'IT demand board') : null,
          on: isoDay(decidedAt),
          decider: status.step === 'approved' ? 'sofia' : team?.relationshipManager,
        });
        changes.push({ id: `${id}-status`, idea: id, to: outcome, reason: status.reason, card: null, at: decidedAt });
      }
      // Finance's demand board scores its unit's requests; Ingrid, not Helena, sponsors them.
      if (unit === 'finance' && demandClass !== 'run') {
        for (const evaluator of ['helena', 'alex']) {
          for (const c of PRESETS['value-size-risk']) {
            const value = c.kind === 'yesno' ? index % 2 : c.group === 'value' ? 3 + (index % 3) : c.kind === 'tshirt' ? 3 : 2;
            scores.push({ idea: id, evaluator: `demo|${evaluator}`, criterion: c.key, value, at: decidedAt - DAY });
          }
        }
      }
      // Every other request was talked over with IT.
      if (index % 2 === 0) {
        const hoursAgo = (now - createdAt) / HOUR;
        const it = itPeople[(index + unit.length) % itPeople.length] ?? 'mei';
        threads.push({
          id: `demo-thread-${id}`,
          key: `idea:${id}`,
          title,
          startedBy: author ?? 'mei',
          comments: [
            {
              id: `${id}-c1`,
              author: people[(index + 1) % people.length] ?? 'mei',
              hoursAgo: hoursAgo - 20,
              body: 'We run into this every month end. Happy to show how we work around it today.',
            },
            {
              id: `${id}-c2`,
              author: it,
              parent: `${id}-c1`,
              hoursAgo: hoursAgo - 44,
              body: 'Thanks: could you send two real examples? Then we can tell whether the catalogue already covers it.',
            },
          ],
        });
      }
    });
  }
  const bulk = (sql: string, rows: unknown[]): Statement => ({ sql, params: [t, JSON.stringify(rows)] });
  const f = (name: string) => `json_extract(j.value, '$.${name}')`;
  const statements: Statement[] = [
    {
      sql: `insert into boards (id, tenant_id, slug, name, description, created_at) values (?, ?, ?, ?, ?, ?) on conflict (tenant_id, slug) do nothing`,
      params: [
        DEMO_HISTORY_BOARD.id,
        t,
        DEMO_HISTORY_BOARD.slug,
        DEMO_HISTORY_BOARD.name,
        'The business units’ requests of the past year, as they came in and as they were answered.',
        now - 365 * DAY,
      ],
    },
    ...PRESETS['value-size-risk'].map((c, position) => ({
      sql: 'insert into board_criteria (board_id, tenant_id, key, label, kind, weight, grp, position) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing',
      params: [DEMO_HISTORY_BOARD.id, t, c.key, c.label, c.kind, c.weight, c.group, position],
    })),
    bulk(
      `insert into ideas (id, tenant_id, board_id, author_id, title, description, lane, unit_id, sponsor_id, demand_class, effort_size, status, status_category,
          status_reason, answered_by, status_changed_at, status_changed_by, closed, intake_step, need_met, need_met_at, created_at)
        select ${f('id')}, ?, '${DEMO_HISTORY_BOARD.id}', ${f('author')}, ${f('title')}, ${f('description')}, ${f('lane')}, ${f('unit')}, ${f('sponsor')},
          ${f('demandClass')}, ${f('effort')}, ${f('status')}, ${f('category')}, ${f('reason')}, ${f('card')}, ${f('statusAt')},
          case when ${f('statusAt')} is null then null else 'Mei Chen' end, ${f('closed')}, ${f('step')}, ${f('needMet')},
          case when ${f('needMet')} = 1 then ${f('statusAt')} + 259200000 end, ${f('createdAt')}
        from json_each(?) j where true on conflict (id) do nothing`,
      ideas,
    ),
    bulk(
      `insert into votes (idea_id, user_id, tenant_id, count, weight, refunded, created_at)
        select ${f('idea')}, ${f('user')}, ?, 1, ${f('weight')}, 0, ${f('at')} from json_each(?) j where true on conflict do nothing`,
      votes,
    ),
    bulk(
      `insert into intake_decisions (id, tenant_id, idea_id, step, forum, decided_on, decider_id, note, created_by, created_at)
        select ${f('id')}, ?, ${f('idea')}, ${f('step')}, ${f('forum')}, ${f('on')}, 'demo-user-' || ${f('decider')}, null, 'demo-user-' || ${f('decider')},
          unixepoch(${f('on')}) * 1000
        from json_each(?) j where true on conflict do nothing`,
      decisions,
    ),
    bulk(
      `insert into idea_status_changes (id, idea_id, tenant_id, from_status, to_status, reason, link, card_id, changed_by_subject, changed_by_name, created_at)
        select ${f('id')}, ${f('idea')}, ?, 'open', ${f('to')}, ${f('reason')}, null, ${f('card')}, 'demo|mei', 'Mei Chen', ${f('at')}
        from json_each(?) j where true on conflict do nothing`,
      changes,
    ),
    bulk(
      `insert into idea_scores (idea_id, tenant_id, evaluator, criterion, value, updated_at)
        select ${f('idea')}, ?, ${f('evaluator')}, ${f('criterion')}, ${f('value')}, ${f('at')} from json_each(?) j where true on conflict do nothing`,
      scores,
    ),
  ];
  return { statements, ideaIds: ideas.map((i) => String(i.id)), threads };
}
