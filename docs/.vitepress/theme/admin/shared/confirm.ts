/**
 * A change that cannot be undone (remove, revoke, lift, retire), asked first: the confirmation
 * takes the keyboard to its Confirm button; Keep closes it and takes the keyboard back to the
 * button that asked; once the change is made, it closes and the keyboard goes to `after`.
 */
import { ref } from 'vue';
import { focusById } from './focus.ts';

/** `useChanges().change`: runs one change, announces what `run` answers; true when it was made. */
type Change = (run: () => Promise<string>) => Promise<boolean>;

/**
 * The confirmation of one kind of change, for one thing at a time (`asking`: its key). Ids: the
 * button that asks is `${id}-${key}` and the Confirm button `${id}-confirm-${key}` (without a
 * key, `${id}` and `${id}-confirm`); `after` is where the keyboard goes once the change is made.
 * @example
 * const { asking, ask, keep, confirm } = useConfirm(change, 'bka-lift', 'bka-restricted-heading');
 * // <button :id="`bka-lift-${p.userId}`" @click="ask(p.userId)">, then in ConfirmPanel:
 * // @confirm="confirm(async () => { await adminClient().moderation.lift(p.userId); return `${p.name} may post again.`; })"
 */
export function useConfirm(change: Change, id: string, after?: string) {
  const asking = ref<string | null>(null);
  let askedFrom = '';
  const idOf = (part: string, key: string) => (key ? `${id}${part}-${key}` : `${id}${part}`);

  /** Shows the confirmation of `key`; `from` is the asking button when it is not `${id}-${key}`. */
  function ask(key = '', from = idOf('', key)): void {
    asking.value = key;
    askedFrom = from;
    focusById(idOf('-confirm', key));
  }
  /** Keep it: closes the confirmation, the keyboard back on the button that asked. */
  function keep(): void {
    asking.value = null;
    focusById(askedFrom);
  }
  /** Closes the confirmation without moving the keyboard (another panel opens). */
  function close(): void {
    asking.value = null;
  }
  /** Makes the change through `change`; made, closes the confirmation. Refused, it stays open with the reason announced. */
  async function confirm(run: () => Promise<string>): Promise<boolean> {
    const done = await change(async () => {
      const said = await run();
      asking.value = null;
      return said;
    });
    if (done && after) focusById(after);
    return done;
  }
  return { asking, ask, keep, close, confirm };
}
