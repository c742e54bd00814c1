/**
 * What every console screen does the same way: the tenant's list of one kind of thing, loaded
 * when a session starts and again after each change; and changes made one at a time, their
 * outcome announced, the API's errors shown at their fields with the keyboard taken to the first.
 */
import { onMounted, type Ref, ref, watch } from 'vue';
import { useAdminSession } from '../session.ts';
import { type FormErrors, formErrors, NO_ERRORS } from './errors.ts';
import { focusFirstProblem } from './focus.ts';

export function useTenantList<T>(fetch: () => Promise<T[]>) {
  const session = useAdminSession();
  const items = ref<T[] | null>(null) as Ref<T[] | null>;
  const problem = ref('');
  async function load(): Promise<void> {
    problem.value = '';
    try {
      items.value = await fetch();
    } catch (err) {
      items.value = [];
      problem.value = formErrors(err).message;
    }
  }
  onMounted(() => watch(session, (s) => s && void load(), { immediate: true }));
  return { session, items, problem, load };
}

/** Where a refused change shows its errors: the form's error state, the form, and errors that name no field placed at theirs. */
export interface ChangeForm {
  errors: Ref<FormErrors>;
  form: () => HTMLElement | null | undefined;
  fields?: Readonly<Record<string, string>>;
}

export function useChanges() {
  const busy = ref(false);
  const announcement = ref('');
  /**
   * Runs one change unless another is running; `run` answers what to announce. A refusal goes to
   * `at` (its fields), or without `at` is announced. True when the change was made.
   */
  async function change(run: () => Promise<string>, at?: ChangeForm): Promise<boolean> {
    if (busy.value) return false;
    busy.value = true;
    announcement.value = '';
    try {
      const done = await run();
      if (at) at.errors.value = NO_ERRORS;
      announcement.value = done;
      return true;
    } catch (err) {
      if (!at) {
        announcement.value = formErrors(err).message;
        return false;
      }
      at.errors.value = formErrors(err, at.fields);
      await focusFirstProblem(at.form());
      return false;
    } finally {
      busy.value = false;
    }
  }
  return { busy, announcement, change };
}
