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
}

/** The route's path with each parameter filled in with a demo resource. */
export function concretePath(template: string, ids: RouteIds): string {
  const id = template.includes('/api-keys/')
    ? ids.apiKeyId
    : template.includes('/oidc-providers/')
      ? 'entra'
      : template.includes('/comments/{id}')
        ? 'demo-comment-1'
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
    .replace('{reaction}', 'like')
    .replace('{version}', '1');
}

/** The query string a route needs to be valid (with its `?`), or `''`. */
export function requiredQuery(method: string, template: string): string {
  if (method === 'DELETE' && template.endsWith('/origins')) return `?origin=${encodeURIComponent('http://localhost:*')}`;
  if ((method === 'GET' && template.endsWith('/threads/comments')) || template.endsWith('/threads/counts'))
    return `?key=${DEMO_THREAD.key}`;
  if (template.endsWith('/threads/{id}/activity')) return `?since=${encodeURIComponent('2000-01-01T00:00:00Z')}`;
  if (template === '/v1/live') return '?ticket=forged';
  if (template.endsWith('/cards/{id}/diff')) return '?from=1&to=1';
  return '';
}
