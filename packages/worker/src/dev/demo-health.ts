/**
 * Finance's relationship health: two closed two-sided rounds (spring and autumn), so the trend
 * has two points and the latest shows the classic perception gap — IT rates its own
 * responsiveness 4.2, the business 2.6 — and an open round that Helena and Mei can still answer.
 */
import { roundItems } from '../store/health.ts';
import { DEMO_TENANT } from './demo-data.ts';
import { demoUnitId } from './demo-units.ts';
import type { Statement } from './seed.ts';

const DAY = 24 * 60 * 60 * 1000;

export const DEMO_HEALTH_SIDES = {
  business: ['helena', 'rafael', 'ingrid', 'noah', 'sara'],
  provider: ['mei', 'alex', 'hannah', 'zoe', 'ravi'],
} as const;

/**
 * The autumn round's mean per item and side (multiples of 0.2: five respondents a side). The
 * spring round's business means are 0.8 lower and IT's 0.2 lower: the relationship moved.
 */
export const DEMO_AUTUMN_MEANS: Record<string, { business: number; provider: number }> = {
  'understands-business': { business: 3.4, provider: 3.8 },
  responsiveness: { business: 2.6, provider: 4.2 },
  'delivery-predictability': { business: 3.0, provider: 3.6 },
  'service-reliability': { business: 4.0, provider: 4.0 },
  proactivity: { business: 2.4, provider: 3.8 },
  'value-for-money': { business: 3.0, provider: 3.4 },
  communication: { business: 3.2, provider: 4.0 },
  'involves-it-early': { business: 3.6, provider: 2.2 },
  'clear-priorities': { business: 3.8, provider: 2.6 },
  'owns-benefits': { business: 3.4, provider: 2.8 },
  'decides-on-time': { business: 3.2, provider: 3.0 },
  'shares-strategy': { business: 3.6, provider: 2.4 },
};

const COMMENTS: Record<string, Partial<Record<'business' | 'provider', string>>> = {
  responsiveness: { business: 'Small requests wait weeks; nobody tells us where they are.' },
  proactivity: { business: 'We hear about new tools from vendors before we hear from IT.' },
  'involves-it-early': { provider: 'We are asked after the software is chosen.' },
  'shares-strategy': { provider: 'The finance plan for next year reached us in November.' },
};

export const DEMO_HEALTH_ROUNDS = {
  spring: 'demo-health-finance-spring',
  autumn: 'demo-health-finance-autumn',
  open: 'demo-health-finance-winter',
} as const;

/** Five whole scores 1–5 whose mean is `mean` (a multiple of 0.2). */
export function fiveScores(mean: number): number[] {
  const total = Math.round(mean * 5);
  const low = Math.floor(total / 5);
  return Array.from({ length: 5 }, (_, i) => Math.min(5, Math.max(1, low + (i < total - low * 5 ? 1 : 0))));
}

const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10);

export function demoHealthStatements(now: number): Statement[] {
  const t = DEMO_TENANT.id;
  const items = roundItems(undefined);
  const rounds = [
    {
      id: DEMO_HEALTH_ROUNDS.spring,
      title: 'Finance and IT: spring review',
      openedAt: now - 250 * DAY,
      closedAt: now - 230 * DAY,
      shift: { business: -0.8, provider: -0.2 },
    },
    {
      id: DEMO_HEALTH_ROUNDS.autumn,
      title: 'Finance and IT: autumn review',
      openedAt: now - 45 * DAY,
      closedAt: now - 25 * DAY,
      shift: { business: 0, provider: 0 },
    },
    { id: DEMO_HEALTH_ROUNDS.open, title: 'Finance and IT: winter check-in', openedAt: now - 3 * DAY, closedAt: null, shift: null },
  ];
  const invitations: { round: string; user: string; side: string; responded: number | null; at: number }[] = [];
  const answers: { round: string; user: string; item: string; score: number; comment: string | null }[] = [];
  for (const round of rounds) {
    for (const side of ['business', 'provider'] as const) {
      DEMO_HEALTH_SIDES[side].forEach((key, i) => {
        // The open round: two of each side answered; Helena and Mei (who sign in) have not yet.
        const answered = round.shift !== null || i >= 3;
        invitations.push({
          round: round.id,
          user: `demo-user-${key}`,
          side,
          responded: answered ? round.openedAt + (i + 1) * DAY : null,
          at: round.openedAt,
        });
        if (!answered) return;
        for (const item of items) {
          const mean = (DEMO_AUTUMN_MEANS[item.key]?.[side] ?? 3) + (round.shift?.[side] ?? 0);
          const score = round.shift === null ? Math.round(mean) : (fiveScores(Math.round(mean * 5) / 5)[i] ?? 3);
          answers.push({
            round: round.id,
            user: `demo-user-${key}`,
            item: item.key,
            score,
            comment: i === 0 ? (COMMENTS[item.key]?.[side] ?? null) : null,
          });
        }
      });
    }
  }
  return [
    {
      sql: `insert into health_rounds (id, tenant_id, unit_id, title, items, closes_on, closed_at, created_by, created_at)
        select json_extract(j.value, '$.id'), ?, ?, json_extract(j.value, '$.title'), ?, json_extract(j.value, '$.closesOn'),
          json_extract(j.value, '$.closedAt'), 'demo-user-amara', json_extract(j.value, '$.openedAt')
        from json_each(?) j where true on conflict do nothing`,
      params: [
        t,
        demoUnitId('finance'),
        JSON.stringify(items),
        JSON.stringify(rounds.map((r) => ({ ...r, closesOn: isoDay(r.closedAt ?? now + 14 * DAY) }))),
      ],
    },
    {
      sql: `insert into health_invitations (round_id, user_id, tenant_id, side, responded_at, created_at)
        select json_extract(j.value, '$.round'), json_extract(j.value, '$.user'), ?, json_extract(j.value, '$.side'),
          json_extract(j.value, '$.responded'), json_extract(j.value, '$.at')
        from json_each(?) j where true on conflict do nothing`,
      params: [t, JSON.stringify(invitations)],
    },
    {
      sql: `insert into health_answers (round_id, user_id, tenant_id, item_key, score, comment)
        select json_extract(j.value, '$.round'), json_extract(j.value, '$.user'), ?, json_extract(j.value, '$.item'),
          json_extract(j.value, '$.score'), json_extract(j.value, '$.comment')
        from json_each(?) j where true on conflict do nothing`,
      params: [t, JSON.stringify(answers)],
    },
  ];
}
