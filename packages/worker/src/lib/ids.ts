const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case

/** A random, URL-safe id of 16 characters (80 bits), e.g. `k3v9q0m2x7h1c8td`. */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let id = '';
  for (const b of bytes) id += ALPHABET[b & 31];
  return id;
}

/**
 * A time-ordered id (like a ULID): 10 characters of the time in milliseconds, then 10 random,
 * all Crockford base32, so ids compare as text in the order they were made (events, notifications).
 *
 * @example
 * newEventId(Date.UTC(2025, 0, 1)) < newEventId(Date.UTC(2025, 0, 2)); // true
 */
export function newEventId(now = Date.now()): string {
  let time = '';
  for (let rest = Math.floor(now), i = 0; i < 10; i++, rest = Math.floor(rest / 32)) time = ALPHABET[rest % 32] + time;
  return time + newId().slice(0, 10);
}
