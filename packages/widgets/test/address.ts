/**
 * The test page's address. Elements that open an item in place put it in the host page's address
 * (`#bk-card=…`, `?card=…`) and open what the address names when they load, so each test of a
 * suite that uses `keepAddress()` starts from the address the page was loaded with.
 */
import { afterEach, beforeEach } from 'vitest';

/** The address the test page was loaded with, without a fragment. */
export const HOME = location.href.split('#')[0] ?? location.href;

/** `HOME` with `query` added to its query string, e.g. `card=demo-card-1`. */
export const withQuery = (query: string) => `${HOME}${HOME.includes('?') ? '&' : '?'}${query}`;

/** Suite hooks: the address is `HOME` before and after each test. */
export function keepAddress(): void {
  const reset = () => history.replaceState(null, '', HOME);
  beforeEach(reset);
  afterEach(reset);
}
