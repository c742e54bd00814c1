/**
 * A viewer as a statement shape (db/statement-shapes.ts), for the per-viewer statements of cached
 * reads (store/viewer-state.ts, idea-view.ts, threads.ts): built once per kind of viewer, not per
 * request. The SQL that the viewer rules write for a viewer (`viewerUserId`, `isAdmin`,
 * `seesEveryUnit`, `cardReadableBy`) changes its text only with what {@link ViewerShape} holds;
 * their subject is a value. test/viewer-shape.test.ts holds each shaped statement to the one
 * built for the real viewer.
 */
import { type Actor, effectiveRole, hasRole, type Viewer } from '../auth/viewer.ts';
import { subjectOf } from './users.ts';

/** What changes the text of a viewer's SQL. */
export interface ViewerShape extends Record<string, boolean> {
  /** The viewer has a subject (a person or an API key): their user id is looked up by it. */
  known: boolean;
  /** Admin by credential (claim, API key scope, the platform). */
  admin: boolean;
  /** A person signed in: their grants are looked up by subject. */
  user: boolean;
  /** A CIO by their token's claims. */
  cio: boolean;
}

/** The viewer's values for a shaped statement: their subject (what `viewerUserId` looks up), and a person's subject for their grants ('' for others). */
export interface ViewerValues {
  subject: string | null;
  grantSubject: string;
}

/** The shape of a viewer, or of an actor with no kind of viewer (an API key's writer: the rules know it by its subject alone). */
export function viewerShape(viewer: Viewer | Actor): { shape: ViewerShape; values: ViewerValues } {
  const subject = subjectOf(viewer);
  const kind = 'kind' in viewer ? viewer : null;
  const user = kind?.kind === 'user';
  return {
    shape: {
      known: subject !== null,
      admin: kind !== null && hasRole(effectiveRole(kind, undefined), 'admin'),
      user,
      cio: user && kind.claimCio === true,
    },
    values: { subject, grantSubject: user ? kind.subject : '' },
  };
}

/**
 * A viewer for which the viewer rules write the SQL of every viewer of `shape`, with `subject`
 * (a placeholder) where their subject goes.
 */
export function shapedViewer(shape: ViewerShape, subject: unknown): Viewer | Actor {
  const placeholder = subject as string;
  if (shape.admin && !shape.known) return { kind: 'platform' };
  if (!shape.known) return { kind: 'anonymous' };
  const person = { name: '', email: null, businessUnit: null, subject: placeholder };
  if (shape.admin) return { ...person, kind: 'user', via: 'embed', claimRole: 'admin' };
  if (shape.user) return { ...person, kind: 'user', via: 'embed', claimRole: 'member', claimCio: shape.cio };
  // An API key without the admin scope: no kind the rules know (nothing but its subject counts).
  return person;
}
