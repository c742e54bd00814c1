/** Focus helpers of the console's forms. */
import { nextTick } from 'vue';

/** After a refused save, takes the keyboard to the first field marked invalid in `form`, else to its message. */
export async function focusFirstProblem(form: HTMLElement | null | undefined): Promise<void> {
  await nextTick();
  const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('.bka-form-error');
  target?.focus();
}

/** Moves the keyboard to the element with this id once the view has drawn it. */
export function focusById(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}
