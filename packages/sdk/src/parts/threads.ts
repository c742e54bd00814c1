/** Threads, comments, moderation and @mention suggestions: `@bridgekit/sdk/parts/threads`. */
import type { MemberPart } from '../core.ts';
import { createThreadsApi } from '../threads.ts';

/**
 * `threads`, `comments`, `moderation` and `users` of the member client.
 *
 * @example
 * const { threads } = threadsPart(memberTransport({ baseUrl, tenant: 'acme' }));
 * const page = await threads.page({ key: 'release-notes' });
 */
export const threadsPart: MemberPart<'threads' | 'comments' | 'moderation' | 'users'> = (http) => {
  const { threads, comments, moderation, mentionable } = createThreadsApi(http);
  return { threads, comments, moderation, users: { mentionable } };
};
