/**
 * The widgets the configurator and the live demos offer: each element, and the one attribute
 * that says what it shows (a board, an idea, a thread, a card), when it has one — from the
 * widgets' registry (packages/widgets/src/registry.ts).
 */
import { WIDGETS as REGISTRY, type TargetKind, type WidgetTag, type WidgetTarget, widgetName } from '@bridgekit/widgets/registry.js';

export type { TargetKind, WidgetTag, WidgetTarget };

export interface WidgetInfo {
  tag: WidgetTag;
  /** Plain name, as in the web part's widget choice. */
  name: string;
  summary: string;
  target?: WidgetTarget;
}

export const WIDGETS: readonly WidgetInfo[] = REGISTRY.map((w) => ({
  tag: w.tag,
  name: w.title,
  summary: w.summary,
  ...(w.target ? { target: w.target } : {}),
}));

export function widgetInfo(tag: string): WidgetInfo | undefined {
  return WIDGETS.find((w) => w.tag === tag);
}

/** `bk-idea-board` → `idea-board`: the iframe route's path segment. */
export function routeName(tag: WidgetTag): string {
  return widgetName(tag);
}

/** The label of a target, for form fields and the web part settings. */
export const TARGET_LABELS: Record<TargetKind, string> = {
  board: 'Board',
  idea: 'Idea',
  thread: 'Thread key',
  card: 'Card',
};

/** One choice of a picker filled from the API. */
export interface PickerOption {
  value: string;
  label: string;
}
