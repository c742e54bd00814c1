/**
 * Initials avatars: a person's initials on a colour picked by a hash of who they are, so the same
 * person has the same colour everywhere. Decorative (`aria-hidden`): the name is always written
 * next to it. Each colour has white text at a contrast of at least 6.4:1, in light and dark.
 */
import { css, html, type TemplateResult } from 'lit';

/** How many colours `avatarStyles` defines (`.a0` … `.a7`). */
export const AVATAR_COLOURS = 8;

/**
 * The first letter of the first and last words of a name, upper case.
 *
 * @example
 * initials('Anna Maria Berg'); // → 'AB'
 * initials('émile'); // → 'É'
 */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/);
  const first = (w = '') => [...w][0] ?? '';
  return (first(words[0]) + (words.length > 1 ? first(words.at(-1)) : '')).toUpperCase();
}

/**
 * Which of the colours a subject (a person's id or handle) gets: a stable hash of it.
 *
 * @example
 * avatarColour('anna'); // → the same number in 0…7 on every page
 */
export function avatarColour(subject: string): number {
  let hash = 0;
  for (let i = 0; i < subject.length; i++) hash = (hash * 31 + subject.charCodeAt(i)) | 0;
  return Math.abs(hash) % AVATAR_COLOURS;
}

/**
 * The avatar of a person named `name`, coloured by `subject`; take `avatarStyles` into the element's styles.
 *
 * @example
 * html`${avatar(author.name, author.handle)} <span>${author.name}</span>`
 */
export const avatar = (name: string, subject: string): TemplateResult =>
  html`<span class="avatar a${avatarColour(subject)}" part="avatar" aria-hidden="true">${initials(name)}</span>`;

export const avatarStyles = css`
  .avatar {
    display: inline-grid;
    place-items: center;
    flex: none;
    inline-size: 2rem;
    block-size: 2rem;
    border-radius: 50%;
    color: #fff;
    font-size: 0.8rem;
    font-weight: 600;
    line-height: 1;
  }
  .a0 { background: #1f5fa8; }
  .a1 { background: #7b3f9e; }
  .a2 { background: #a63a2b; }
  .a3 { background: #2d6a3e; }
  .a4 { background: #7a5200; }
  .a5 { background: #1b6670; }
  .a6 { background: #5146c4; }
  .a7 { background: #a3306a; }
`;
