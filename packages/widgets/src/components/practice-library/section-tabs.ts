import { html } from 'lit';
import type { MessageKey } from '../../shared/i18n.ts';

export interface SectionTab<S extends string> {
  value: S;
  label: MessageKey;
}

export interface SectionTabsContext<S extends string> {
  t: (key: MessageKey) => string;
  sections: SectionTab<S>[];
  selected: S;
  /** `focusTab`: the arrow keys chose it, so focus follows. */
  select: (section: S, focusTab: boolean) => void;
}

/** The library's sections as tabs (one `bk-panel`), moved between with the arrow keys, Home and End. */
export function renderSectionTabs<S extends string>(ctx: SectionTabsContext<S>) {
  const { t, sections, selected } = ctx;
  const onKeydown = (event: KeyboardEvent) => {
    const index = sections.findIndex((s) => s.value === selected);
    const next: Record<string, number> = {
      ArrowRight: (index + 1) % sections.length,
      ArrowLeft: (index - 1 + sections.length) % sections.length,
      Home: 0,
      End: sections.length - 1,
    };
    const target = next[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const section = sections[target]?.value;
    if (section) ctx.select(section, true);
  };
  return html`<div class="sections no-print" part="sections" role="tablist" aria-label=${t('library.sectionsLabel')} @keydown=${onKeydown}>
    ${sections.map(
      (s) => html`<button
        type="button"
        role="tab"
        id="bk-tab-${s.value}"
        aria-selected=${selected === s.value ? 'true' : 'false'}
        aria-controls="bk-panel"
        tabindex=${selected === s.value ? '0' : '-1'}
        @click=${() => ctx.select(s.value, false)}
      >
        ${t(s.label)}
      </button>`,
    )}
  </div>`;
}
