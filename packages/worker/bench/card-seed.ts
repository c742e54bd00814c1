/**
 * 5,000 practice cards for `pnpm bench`, seeded as SQL (both Workers get the same rows). Each is
 * one of the built-in templates' example cards retold for another company, business unit,
 * initiative, people and region by a deterministic generator, then validated, rendered and
 * flattened for search as the API would. The full-text index fills itself (the `cards_fts`
 * triggers); every card gets its version 1 in `card_versions`, so saves work on it.
 */
import type { FieldValue, MaturityLevel, PracticeArea } from '@bridgekit/sdk';
import { searchableText } from '../src/cards/search-text.ts';
import { EXAMPLE_CARDS } from '../src/cards/templates/examples.ts';
import { BUILT_IN_TEMPLATES } from '../src/cards/templates/index.ts';
import { validateFields } from '../src/cards/validate.ts';
import { DEMO_USERS } from '../src/dev/demo-data.ts';
import { type Statement, toSqlScript } from '../src/dev/seed.ts';
import { renderMarkdown } from '../src/markdown/render.ts';
import { reviewDateAfter } from '../src/store/card-rows.ts';

export const CARD_COUNT = 5000;

/** What the bench needs to save a card again: its content as seeded. */
export interface BenchCard {
  id: string;
  title: string;
  summary: string;
  fields: Record<string, FieldValue>;
  tags: PracticeArea[];
  maturityLevel: MaturityLevel | null;
}

const COMPANIES = ['Contoso', 'Fabrikam', 'Northwind', 'Tailspin', 'Woodgrove', 'Litware', 'Adatum', 'Proseware'];
/** Each unit's head (short and long), what it counts work in, and the initiatives its cards are about. */
const UNITS = [
  unit('Finance', 'CFO', 'Chief financial officer', 'invoice', ['invoice matching', 'bank reconciliations', 'rolling forecasts']),
  unit('Procurement', 'CPO', 'Chief procurement officer', 'purchase order', [
    'supplier onboarding',
    'contract renewals',
    'purchase requisitions',
  ]),
  unit('HR', 'CHRO', 'Chief people officer', 'hire', ['new starter onboarding', 'absence tracking', 'performance reviews']),
  unit('Sales', 'CSO', 'Chief sales officer', 'quote', ['pipeline dashboards', 'quote approvals', 'partner portal']),
  unit('Operations', 'COO', 'Chief operating officer', 'work order', ['field service scheduling', 'stock replenishment', 'shift planning']),
  unit('Marketing', 'CMO', 'Chief marketing officer', 'campaign', ['campaign analytics', 'lead scoring', 'event registrations']),
  unit('Legal', 'General Counsel', 'General counsel', 'contract', ['contract review', 'policy attestations', 'matter intake']),
  unit('Customer service', 'CCO', 'Chief customer officer', 'case', ['customer returns', 'case routing', 'self-service answers']),
];
const REGIONS = ['EMEA', 'North America', 'APAC', 'Latin America', 'Nordics', 'DACH', 'UK and Ireland', 'Benelux'];
const PEOPLE = [
  'Helena Fischer',
  'Rafael Souza',
  'Ingrid Larsen',
  'Viktor Novak',
  'Sofia Rossi',
  'Kwame Mensah',
  'Hana Sato',
  'Lars Johansson',
  'Aisha Rahman',
  'Tomás García',
  'Nadia Petrova',
  'Oliver Brennan',
  'Chloé Martin',
  'Ravi Iyer',
  'Maja Kowalska',
  'Diego Alves',
];
const AFTERWORDS = [
  'Agreed with the steering group in the last quarterly review.',
  'Written after the pilot; the lessons learned are in the notes.',
  'Shared with the BRM community as a starting point for similar work.',
  'Updated once the first benefits were measured.',
  'Reuse the structure; the figures are specific to this partner.',
  '',
];
/** Templates about a business partner as a whole rather than one initiative. */
const ABOUT_PARTNER = new Set(['business-partner-profile', 'strategic-account-plan', 'relationship-health-assessment']);
/** The example cards' own people without a handle, replaced by others'. */
const EXAMPLE_PEOPLE = ['Helena Fischer', 'Rafael Souza', 'Ingrid Larsen', 'Viktor Novak'];

function unit(name: string, head: string, headTitle: string, item: string, work: string[]) {
  return { name, head, headTitle, item, work };
}

/** mulberry32: the same cards on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
function shuffled<T>(next: () => number, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let k = out.length - 1; k > 0; k--) {
    const j = Math.floor(next() * (k + 1));
    [out[k], out[j]] = [out[j] as T, out[k] as T];
  }
  return out;
}
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces whole phrases in one pass (longest first), so a replacement is never replaced again. */
function rewriter(pairs: [string, string][]): (s: string) => string {
  const map = new Map(pairs);
  const pattern = new RegExp(
    [...map.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|'),
    'g',
  );
  return (s) => s.replace(pattern, (m) => map.get(m) ?? m);
}

/** Rewrites the text of a value, leaving link ids, handles and link kinds alone. */
function rewriteValue(value: FieldValue, rewrite: (s: string) => string, key = ''): FieldValue {
  if (typeof value === 'string') return key === 'id' || key === 'handle' || key === 'kind' ? value : rewrite(value);
  if (Array.isArray(value)) return value.map((v) => rewriteValue(v, rewrite));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewriteValue(v as FieldValue, rewrite, k)]));
  }
  return value;
}

export interface SeededCard extends BenchCard {
  templateId: string;
  rendered: Record<string, string>;
  searchText: string;
  ownerKey: string;
  reviewBy: string;
  at: number;
}

/** Card `i` (0-based): deterministic, valid against its template, with `bench-card-<i>` as id. */
export function benchCard(i: number, now: number): SeededCard {
  const next = random(i + 1);
  const template = BUILT_IN_TEMPLATES[i % BUILT_IN_TEMPLATES.length];
  const example = template && EXAMPLE_CARDS[template.id];
  if (!template || !example) throw new Error(`No example card for template ${i % BUILT_IN_TEMPLATES.length}`);
  const company = pick(next, COMPANIES);
  const { name: unit, head, headTitle, item, work } = pick(next, UNITS);
  const topic = pick(next, work);
  const region = pick(next, REGIONS);
  const year = 2025 + Math.floor(next() * 3);
  const people = shuffled(next, PEOPLE);
  const rewrite = rewriter([
    ['Contoso Finance', `${company} ${unit}`],
    ['Contoso', company],
    ['Finance', unit],
    ['finance', unit.toLowerCase()],
    ['CFO', head],
    ['Chief financial officer', headTitle],
    ['Automated invoice matching', `Automated ${topic}`],
    ['automated invoice matching', `automated ${topic}`],
    ['Automatic three-way matching in accounts payable', capitalise(topic)],
    ['matching invoices by hand', `on ${topic} by hand`],
    ['Automating three-way matching', `Automating ${topic}`],
    ['Keep matching by hand', `Keep doing ${topic} by hand`],
    ['the ERP matching module', `the ERP ${topic} module`],
    ['Invoices are matched to purchase orders by hand', `${capitalise(topic)} is done by hand`],
    ['Most invoices match without a person', `Most ${item}s go through without a person`],
    ['of invoices match automatically', `of ${item}s go through automatically`],
    ['Invoice volume', `${capitalise(item)} volume`],
    ['invoices', `${item}s`],
    ['invoice', item],
    ['2027', String(year)],
    ['2026', String(year - 1)],
    ...EXAMPLE_PEOPLE.map((name, k): [string, string] => [name, people[k] ?? name]),
  ]);
  const fields = rewriteValue(example.fields, rewrite) as Record<string, FieldValue>;
  const checked = validateFields(template, fields);
  if (!checked.ok) throw new Error(`Bench card ${i} (${template.id}) is not valid: ${checked.errors[0]?.message}`);
  const afterword = pick(next, AFTERWORDS);
  const named = next() < 0.5;
  const owner = pick(next, DEMO_USERS);
  return {
    id: `bench-card-${i}`,
    templateId: template.id,
    // Half named as the example is, half by the template's name, as people do both.
    title: `${named ? `${template.name}: ${ABOUT_PARTNER.has(template.id) ? '' : `${topic} for `}${company} ${unit}` : rewrite(example.title)} (${region})`,
    summary: afterword ? `${rewrite(example.summary)} ${afterword}` : rewrite(example.summary),
    fields: checked.fields,
    rendered: Object.fromEntries(checked.richtext.map((r) => [r.path, renderMarkdown(r.source).html])),
    searchText: searchableText(template, checked.fields),
    tags: example.tags,
    maturityLevel: next() < 0.15 ? null : ((1 + Math.floor(next() * 5)) as MaturityLevel),
    ownerKey: owner.key,
    // From two months overdue to eight months ahead, so every freshness occurs.
    reviewBy: reviewDateAfter(now, Math.floor(next() * 11) - 2),
    at: now - i * 17 * 60_000,
  };
}

const CARD_COLUMNS =
  'id, tenant_id, template_id, template_version, title, summary, fields, rendered, search_text, tags, maturity_level, owner_id, review_by, version, save_id, created_by, created_at, updated_by, updated_at';
/** D1 refuses statements over 100 KB; a card's row is a few KB. */
const MAX_STATEMENT_CHARS = 80_000;

type Row = (string | number | null)[];

/** Multi-row inserts: far fewer commits than one statement per card, which makes seeding a lot faster. */
function insertStatements(rows: Row[]): Statement[] {
  const statements: Statement[] = [];
  let chunk: Row[] = [];
  let size = 0;
  const flush = () => {
    if (chunk.length === 0) return;
    const placeholders = chunk.map((row) => `(${row.map(() => '?').join(', ')})`).join(',\n');
    statements.push({ sql: `insert or ignore into cards (${CARD_COLUMNS}) values\n${placeholders}`, params: chunk.flat() });
    chunk = [];
    size = 0;
  };
  for (const row of rows) {
    const rowSize = row.reduce<number>((n, v) => n + String(v).length + 4, 0);
    if (size + rowSize > MAX_STATEMENT_CHARS) flush();
    chunk.push(row);
    size += rowSize;
  }
  flush();
  return statements;
}

/** SQL for the cards and their first versions. */
export function cardSeedSql(cards: SeededCard[]): string {
  if (cards.length === 0) return '';
  const rows = cards.map((c): Row => {
    const name = DEMO_USERS.find((u) => u.key === c.ownerKey)?.name ?? c.ownerKey;
    return [
      c.id,
      'demo-tenant',
      c.templateId,
      1,
      c.title,
      c.summary,
      JSON.stringify(c.fields),
      JSON.stringify(c.rendered),
      c.searchText,
      JSON.stringify(c.tags),
      c.maturityLevel,
      `demo-user-${c.ownerKey}`,
      c.reviewBy,
      1,
      'bench-seed',
      name,
      c.at,
      name,
      c.at,
    ];
  });
  const statements = insertStatements(rows);
  // Version 1 of every bench card, copied from the rows just written, as the API's save does.
  statements.push({
    sql: `insert or ignore into card_versions (card_id, version, tenant_id, title, summary, fields, tags, maturity_level, owner_id, review_by, note, by_name, by_subject, created_at)
      select c.id, c.version, c.tenant_id, c.title, c.summary, c.fields, c.tags, c.maturity_level, c.owner_id, c.review_by, 'First version', c.created_by, u.subject, c.created_at
      from cards c join users u on u.id = c.owner_id where c.tenant_id = ? and c.save_id = ?`,
    params: ['demo-tenant', 'bench-seed'],
  });
  return toSqlScript(statements);
}
