/**
 * A person's name as a widget shows it. The API names every erased person `REMOVED_PERSON_NAME`:
 * a code, shown in the reader's language.
 */
import { REMOVED_PERSON_NAME } from '@bridgekit/sdk/privacy';
import type { Translate } from './i18n.ts';

/**
 * The name to show for `name`: "removed person" in the reader's words for an erased person, else the name.
 *
 * @example
 * shownName(this.t, comment.author.name); // 'entfernte Person' on a German page, for an erased author
 */
export const shownName = (t: Translate, name: string): string => (name === REMOVED_PERSON_NAME ? t('person.removed') : name);
