/**
 * The member client in parts (`@bridgekit/sdk/parts`), for pages that count their bytes: the
 * core (a tenant's transport and `me`) and a function per group of the other namespaces. Spread together they make what `createMemberClient` returns. Each part is also an
 * entry of its own (`@bridgekit/sdk/parts/threads`…): a bundle that code-splits by file imports
 * them from there.
 *
 * @example
 * import { coreApi, memberTransport, threadsPart } from '@bridgekit/sdk/parts';
 * const http = memberTransport({ baseUrl: 'https://bridgekit.example.com', tenant: 'acme' });
 * const client = { ...coreApi(http), ...ideasPart(http), ...threadsPart(http) };
 */
export { type CoreApi, type CoreNamespace, coreApi, type MemberPart, memberTransport, type Transport } from './core.ts';
export { cardsPart } from './parts/cards.ts';
export { discoveryPart } from './parts/discovery.ts';
export { healthPart } from './parts/health.ts';
export { ideasPart } from './parts/ideas.ts';
export { type IdeasBoardCalls, ideasBoardPart } from './parts/ideas-board.ts';
export { insightsPart } from './parts/insights.ts';
export { intakePart } from './parts/intake.ts';
export { notificationsPart } from './parts/notifications.ts';
export { objectivesPart } from './parts/objectives.ts';
export { privacyPart } from './parts/privacy.ts';
export { threadsPart } from './parts/threads.ts';
export { valuePart } from './parts/value.ts';
