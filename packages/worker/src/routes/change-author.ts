import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';
import { requestIdOf } from '../errors.ts';
import { type ChangeAuthor, changeAuthor } from '../store/config-log.ts';

/** Who makes this request's admin change, as the configuration log records it: the caller and the request's id. */
export function changeAuthorOf<E extends AppEnv>(c: Context<E>): ChangeAuthor {
  return changeAuthor((c as unknown as Context<AppEnv>).var.viewer, requestIdOf(c));
}
