import { ApiError } from '../errors.ts';

/** A signed-in person, as established from their token for this request. */
export interface SignedInViewer {
  kind: 'user';
  /** Stable id of the person at the identity source (`sub`). */
  subject: string;
  name: string;
  email: string | null;
  businessUnit: string | null;
}

/** Who is calling. Anonymous callers may read; every write needs a signed-in viewer. */
export type Viewer = { kind: 'anonymous' } | SignedInViewer;

export const ANONYMOUS: Viewer = { kind: 'anonymous' };

export function requireSignedIn(viewer: Viewer, action: string): SignedInViewer {
  if (viewer.kind !== 'user') {
    throw new ApiError(401, 'unauthorized', `Sign in to ${action}: send the user's token as "Authorization: Bearer <token>".`);
  }
  return viewer;
}
