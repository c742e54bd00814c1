/** Personal data's export and erasure: `@bridgekit/sdk/parts/privacy`. */
import type { MemberPart } from '../core.ts';
import { callOf } from '../http.ts';

/**
 * `privacy` of the member client.
 *
 * @example
 * const { privacy } = privacyPart(memberTransport({ baseUrl, tenant: 'acme', token }));
 * const mine = await privacy.export();
 */
export const privacyPart: MemberPart<'privacy'> = (http) => {
  const seg = encodeURIComponent;
  return {
    privacy: {
      export: (o) => http.request('GET', '/me/export', { signal: o?.signal }),
      erase: (input, o) => http.request('POST', '/me/erase', { body: input, ...callOf(o) }),
      exportPerson: (person, o) => http.request('GET', `/people/${seg(person)}/export`, { signal: o?.signal }),
      erasePerson: (person, o) =>
        http.request('POST', `/people/${seg(person)}/erase`, {
          body: { confirm: true },
          ...callOf(o),
        }),
    },
  };
};
