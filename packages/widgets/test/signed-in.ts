/** Suite hooks for widget tests that act as a signed-in person. */
import { afterEach, beforeEach } from 'vitest';
import { cleanup, newPerson, signIn, tokenFor } from './support.ts';

/**
 * For each test of the suite: a new person of `bu`, whom the test signs in as it needs, and the
 * page emptied after it. Returns the token of the current test's person.
 */
export function personEachTest(bu?: string): () => string {
  let token = '';
  beforeEach(async () => {
    token = await tokenFor(newPerson(bu));
  });
  afterEach(cleanup);
  return () => token;
}

/**
 * For each test of the suite: a new person of `bu` signed in before it, the page emptied after
 * it. Returns the token of the current test's person.
 */
export function signInEachTest(bu?: string): () => string {
  const token = personEachTest(bu);
  beforeEach(() => signIn(token()));
  return token;
}
