/**
 * Concrete requests for the templated routes of `/v1/openapi.json`, pointing at the demo seed's
 * own resources: one home for the tests that walk every route (isolation, fuzzing).
 */
import { DEMO_THREAD, demoCardId } from '../src/dev/demo-data.ts';

export interface RouteIds {
  tenant: string;
  /** An API key of the tenant (`/api-keys/{id}`). */
  apiKeyId: string;
  /** The subject of `/roles/{subject}`. */
  subject?: string;
  /** A webhook of the tenant (`/webhooks/{id}`). */
  webhookId?: string;
}

/** A benefit of the demo's value plan card, and an actual of it, that test/isolation.test.ts adds. */
export const DEMO_BENEFIT = 'vb_demo_isolation';
export const DEMO_ACTUAL = 'va_demo_isolation';

/** An objective of the demo's `finance` unit that test/isolation.test.ts adds. */
export const DEMO_OBJECTIVE = 'obj_demo_isolation';

/** A health round of the demo's `finance` unit that test/isolation.test.ts opens (the demo seed has none). */
export const DEMO_HEALTH_ROUND = 'hr_demo_isolation';

/** The route's path with each parameter filled in with a demo resource. */
export function concretePath(template: string, ids: RouteIds): string {
  const id = template.includes('/api-keys/')
    ? ids.apiKeyId
    : template.includes('/webhooks/')
      ? (ids.webhookId ?? 'no-such-webhook')
      : template.includes('/oidc-providers/')
        ? 'entra'
        : template.includes('/comments/{id}')
          ? 'demo-comment-1'
          : template.includes('/objectives/{id}')
            ? DEMO_OBJECTIVE
            : template.includes('/cards/{id}')
              ? demoCardId('business-case')
              : template.includes('/templates/{id}')
                ? 'business-case'
                : template.includes('/threads/{id}')
                  ? DEMO_THREAD.id
                  : 'demo-idea-invoice';
  return template
    .replace('{tenant}', ids.tenant)
    .replace('{board}', 'general')
    .replace('{id}', id)
    .replace('{kid}', 'dev-1')
    .replace('{subject}', encodeURIComponent(ids.subject ?? 'demo|mei'))
    .replace('{userId}', 'demo-user-amara')
    .replace('{handle}', 'amara.okafor')
    .replace('{person}', 'demo-user-amara')
    .replace('{reaction}', 'like')
    .replace('{target}', 'idea')
    .replace('{version}', '1')
    .replace('{round}', DEMO_HEALTH_ROUND)
    .replace('{benefit}', DEMO_BENEFIT)
    .replace('{actual}', DEMO_ACTUAL)
    .replace('{key}', 'finance');
}

/** The query string a route needs to be valid (with its `?`), or `''`. */
export function requiredQuery(method: string, template: string): string {
  if (method === 'DELETE' && template.endsWith('/origins')) return `?origin=${encodeURIComponent('http://localhost:*')}`;
  if ((method === 'GET' && template.endsWith('/threads/comments')) || template.endsWith('/threads/counts'))
    return `?key=${DEMO_THREAD.key}`;
  if (template.endsWith('/threads/{id}/activity')) return `?since=${encodeURIComponent('2000-01-01T00:00:00Z')}`;
  if (template === '/v1/live') return '?ticket=forged';
  if (template.endsWith('/cards/{id}/diff')) return '?from=1&to=1';
  if (template.endsWith('/tenants/{tenant}/search')) return '?q=invoice%20matching';
  if (template.endsWith('/tenants/{tenant}/related')) return '?kind=idea&id=demo-idea-invoice';
  if (template.endsWith('/roles/candidates')) return '?q=mei';
  return '';
}

/**
 * A valid body for each operation that takes one, aimed at the demo seed's resources: the
 * isolation walk sends it with another tenant's credentials, the fuzzer mutates it.
 */
export const REQUEST_BODIES: Record<string, Record<string, unknown>> = {
  'POST /v1/tenants/{tenant}/boards/{board}/ideas': { title: 'Intrusion attempt', sourceCard: demoCardId('business-case') },
  'PATCH /v1/tenants/{tenant}/settings': { name: 'Taken over', itemPages: { idea: 'https://evil.example/ideas/{id}' } },
  'POST /v1/tenants/{tenant}/origins': { origin: 'https://evil.example' },
  'PUT /v1/tenants/{tenant}/oidc-providers/{id}': { issuer: 'https://evil.example', jwksUri: 'https://evil.example/keys', audience: 'x' },
  'POST /v1/tenants/{tenant}/api-keys': { name: 'Backdoor', scopes: ['admin'] },
  'POST /v1/tenants/{tenant}/webhooks': { url: 'https://evil.example/hook', events: ['idea.created', 'comment.created'], format: 'raw' },
  'PATCH /v1/tenants/{tenant}/webhooks/{id}': { url: 'https://evil.example/hook', enabled: true },
  'PUT /v1/tenants/{tenant}/roles/{subject}': { role: 'admin' },
  // Units: demo's key and alias (unique per tenant only), demo's people as a team, demo's units on an idea.
  'POST /v1/tenants/{tenant}/units': { key: 'finance', name: 'Taken over', aliases: ['Contoso Finance'], parent: 'sales' },
  'PATCH /v1/tenants/{tenant}/units/{key}': { name: 'Taken over', aliases: ['Finance'], side: 'supply' },
  'PUT /v1/tenants/{tenant}/units/{key}/team': { businessPartners: ['amara.okafor'], relationshipManagers: ['mei.chen'] },
  'PUT /v1/tenants/{tenant}/people/{handle}/unit': { unit: 'finance' },
  'POST /v1/tenants/{tenant}/import': {
    format: 'bridgekit-archive',
    version: 1,
    firstLine: 1,
    lines: [
      '{"format":"bridgekit-archive","version":1,"exportedAt":"2026-01-01T00:00:00.000Z","tenant":{"slug":"evil","name":"Evil"}}',
      '{"t":"settings","r":{"anonymousRead":true}}',
      '{"t":"users","r":{"id":"demo-user-amara","subject":"evil|1","name":"Taken over","lastSeenAt":1}}',
    ],
  },
  'POST /v1/tenants/{tenant}/me/erase': { confirm: true },
  'POST /v1/tenants/{tenant}/people/{person}/erase': { confirm: true },
  'POST /v1/tenants/{tenant}/tokens': { sub: 'mallory', name: 'Mallory' },
  'POST /v1/admin/tenants': { slug: 'evil', name: 'Evil' },
  'POST /v1/tenants/{tenant}/boards': { slug: 'evil', name: 'Evil' },
  'PATCH /v1/tenants/{tenant}/boards/{board}': { name: 'Taken over' },
  'PUT /v1/tenants/{tenant}/boards/{board}/scorecard': {
    preset: 'custom',
    criteria: [{ key: 'x', label: 'X', kind: 'scale', weight: 1, group: 'value' }],
  },
  'PUT /v1/tenants/{tenant}/ideas/{id}/status': { status: 'planned', card: demoCardId('business-case') },
  'POST /v1/tenants/{tenant}/ideas/{id}/merge': { into: 'demo-idea-sso' },
  'PUT /v1/tenants/{tenant}/ideas/{id}/score': {
    scores: {
      impact: 5,
      financial: 5,
      strategic_alignment: 3,
      size: 'XS',
      new_technology: false,
      third_party: false,
      ways_of_working: false,
    },
  },
  'PUT /v1/tenants/{tenant}/ideas/{id}/vote': { votes: 1 },
  'PATCH /v1/tenants/{tenant}/ideas/{id}': { title: 'Taken over', businessCase: { problem: null } },
  'POST /v1/tenants/{tenant}/ideas/{id}/withdraw': { reason: 'Taken over' },
  'POST /v1/tenants/{tenant}/ideas/{id}/need-met': { met: true },
  // Intake: a demo idea approved, demo objectives named.
  'POST /v1/tenants/{tenant}/ideas/{id}/intake': {
    step: 'deflected',
    status: 'already_available',
    reason: 'Taken over by intrusion',
    decidedOn: '2026-01-01',
  },
  'POST /v1/tenants/{tenant}/units/{key}/objectives': { title: 'Taken over', kpi: 'Intrusions', horizon: 'this-year' },
  'PATCH /v1/tenants/{tenant}/objectives/{id}': { title: 'Taken over' },
  'PUT /v1/tenants/{tenant}/cards/{id}/objectives': { objectives: [DEMO_OBJECTIVE] },
  'POST /v1/tenants/{tenant}/threads/comments': { key: DEMO_THREAD.key, body: 'Intrusion attempt', parentId: 'demo-comment-1' },
  'POST /v1/tenants/{tenant}/threads/{id}/promote': { template: 'practice', comment: 'demo-comment-1' },
  'PATCH /v1/tenants/{tenant}/comments/{id}': { body: 'Taken over' },
  'POST /v1/tenants/{tenant}/comment-previews': { body: 'Intrusion attempt @amara.okafor' },
  'POST /v1/tenants/{tenant}/comments/{id}/flags': { reason: 'spam' },
  'POST /v1/tenants/{tenant}/comments/{id}/moderation': { action: 'reject', reason: 'Taken over' },
  'POST /v1/tenants/{tenant}/ideas/{id}/moderation': { action: 'reject', reason: 'Taken over' },
  'POST /v1/tenants/{tenant}/cards/{id}/moderation': { action: 'reject', reason: 'Taken over' },
  'PUT /v1/tenants/{tenant}/users/{userId}/restriction': { reason: 'Taken over' },
  'PATCH /v1/tenants/{tenant}/moderation/settings': { bannedWords: ['relationship'] },
  'POST /v1/tenants/{tenant}/cards': { templateId: 'business-case', title: 'Intrusion attempt', fields: {} },
  'PUT /v1/tenants/{tenant}/cards/{id}': { title: 'Taken over', fields: {}, baseVersion: 1 },
  'POST /v1/tenants/{tenant}/cards/{id}/restore': { version: 1, baseVersion: 1 },
  'PUT /v1/tenants/{tenant}/cards/{id}/obsolete': { reason: 'Taken over' },
  'POST /v1/tenants/{tenant}/notifications/read': { all: true },
  'PATCH /v1/tenants/{tenant}/notifications/settings': { email: { mentions: 'off' } },
  'POST /v1/tenants/{tenant}/cards/{id}/verify': {},
  'POST /v1/tenants/{tenant}/health-rounds': { unit: 'finance', title: 'Intrusion attempt' },
  // Value plans: a benefit on demo's plan card, demo's benefit changed and measured.
  'POST /v1/tenants/{tenant}/cards/{id}/benefits': {
    title: 'Intrusion attempt',
    measure: 'EUR/year',
    baseline: 0,
    target: 1,
    benefitClass: 'hard',
  },
  'PATCH /v1/tenants/{tenant}/benefits/{benefit}': { title: 'Taken over', target: 0 },
  'POST /v1/tenants/{tenant}/benefits/{benefit}/actuals': { measuredOn: '2026-01-01', value: 0, note: 'Taken over' },
  'POST /v1/tenants/{tenant}/health-rounds/{round}/invitations': { people: [{ handle: 'amara.okafor', side: 'business' }] },
  'PUT /v1/tenants/{tenant}/health-rounds/{round}/answers': { answers: [{ item: 'responsiveness', score: 1, comment: 'Taken over' }] },
  'PUT /v1/tenants/{tenant}/templates/{id}': { id: 'business-case', name: 'Taken over', fields: [{ key: 'x', label: 'X', type: 'text' }] },
  'POST /v1/tenants/{tenant}/templates/validate': {
    id: 'supplier-review',
    name: 'Taken over',
    fields: [{ key: 'x', label: 'X', type: 'text' }],
  },
};
