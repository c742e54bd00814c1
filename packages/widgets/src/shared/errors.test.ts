import { BridgekitError } from '@bridgekit/sdk';
import { REASON_LIST, REASONS } from '@bridgekit/sdk/reasons';
import { describe, expect, it } from 'vitest';
import { loadErrorTexts } from './bridgekit-element.ts';
import { apiErrorText, issueText, reasonText } from './error-texts.ts';
import { translator } from './i18n.ts';
import { deErrors } from './messages/de-errors.ts';
import type { Message } from './messages/en.ts';
import { enErrors } from './messages/en-errors.ts';

/** Every shipped locale's texts of the API's reasons. */
const SHIPPED: [string, Record<string, Message>][] = [
  ['en', enErrors],
  ['de', deErrors],
];
const placeholdersOf = (message: Message) => new Set([...JSON.stringify(message).matchAll(/\{(\w+)\}/g)].map((m) => m[1]));

describe('texts of the API’s reasons', () => {
  it('has a text for every reason the API gives, in every shipped locale, and none for reasons it does not', () => {
    const expected = REASON_LIST.map((reason) => `reason.${reason}`).sort();
    for (const [locale, catalog] of SHIPPED) {
      expect(
        Object.keys(catalog)
          .filter((key) => key.startsWith('reason.'))
          .sort(),
        locale,
      ).toEqual(expected);
    }
  });

  it('names only params the API sends, and counts where the API counts', () => {
    for (const reason of REASON_LIST) {
      const sent = placeholdersOf(REASONS[reason]);
      if (typeof REASONS[reason] !== 'string') sent.add('count');
      for (const [locale, catalog] of SHIPPED) {
        const text = catalog[`reason.${reason}`] as Message;
        for (const name of placeholdersOf(text)) expect(sent.has(name), `${locale} reason.${reason}: {${name}}`).toBe(true);
        // A count the API sends is said with `#` in the plural forms of the language.
        if (typeof REASONS[reason] !== 'string') expect(typeof text, `${locale} reason.${reason}`).toBe('object');
      }
    }
  });

  it('says an error in the reader’s language, with its params, and falls back to the API’s message for a reason it does not know', async () => {
    await loadErrorTexts('de-DE');
    const limited = new BridgekitError(
      429,
      'rate_limited',
      'You have made too many changes in a short time. Try again in 60 seconds.',
      [],
      {
        reason: 'rate_limited.writes',
        params: { retryAfter: 60 },
      },
    );
    expect(apiErrorText(translator('de-DE'), 'de-DE', limited)).toBe(
      'Sie haben in kurzer Zeit zu viele Änderungen vorgenommen. Versuchen Sie es in 60 Sekunden erneut.',
    );
    expect(apiErrorText(translator('en'), 'en', limited)).toBe('You have made too many changes in a short time. Try again in 60 seconds.');
    const newer = new BridgekitError(409, 'conflict', 'A reason from a newer API.', [], {
      reason: 'conflict.from_the_future' as never,
      params: {},
    });
    expect(apiErrorText(translator('de-DE'), 'de-DE', newer)).toBe('A reason from a newer API.');
  });

  it('words identifiers and dates of the params for the reader', async () => {
    await loadErrorTexts('de-DE');
    expect(reasonText(translator('de-DE'), 'de-DE', 'forbidden.restrict_higher_role', { current: 'moderator', role: 'admin' })).toContain(
      '(Administration)',
    );
    expect(reasonText(translator('de-DE'), 'de-DE', 'forbidden.paused', { until: '2030-03-01T12:00:00.000Z' })).toBe(
      `Eine Moderatorin oder ein Moderator hat Ihr Schreiben bis ${new Date('2030-03-01T12:00:00.000Z').toLocaleString('de-DE', { dateStyle: 'medium', timeStyle: 'short' })} ausgesetzt.`,
    );
    expect(
      issueText(translator('de-DE'), 'de-DE', {
        path: 'body.title',
        message: 'The title needs at least 3 characters.',
        reason: 'field.too_short',
        params: { count: 3 },
      }),
    ).toBe('Braucht mindestens 3 Zeichen.');
  });

  it('gives the reference of a failure on our side, and nothing of its English', async () => {
    await loadErrorTexts('de-DE');
    const failure = new BridgekitError(500, 'internal_error', 'Something went wrong on our side.', [], {
      reason: 'internal_error.unexpected',
      requestId: '8f2c1a7b9d3e4f60',
    });
    expect(apiErrorText(translator('de-DE'), 'de-DE', failure)).toMatch(
      /^Bei uns ist etwas schiefgegangen \(Referenz 8f2c1a7b9d3e4f60\)\./,
    );
    expect(apiErrorText(translator('en'), 'en', failure)).toMatch(/^Something went wrong on our side \(reference 8f2c1a7b9d3e4f60\)\./);
    // A proxy's error page: no body of ours, so no reference either.
    const proxy = new BridgekitError(502, 'invalid_response', 'The API answered 502 Bad Gateway without a Bridgekit error body.');
    expect(apiErrorText(translator('de-DE'), 'de-DE', proxy)).toBe('Etwas ist schiefgegangen. Versuchen Sie es gleich noch einmal.');
  });
});
