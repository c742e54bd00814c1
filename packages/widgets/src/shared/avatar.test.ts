import { html, LitElement } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, mount } from '../../test/support.ts';
import { AVATAR_COLOURS, avatar, avatarColour, avatarStyles, initials } from './avatar.ts';
import { tokens } from './styles.ts';

/** Every colour's avatar, in a shadow root with the shared tokens, light or dark. */
class AvatarSwatches extends LitElement {
  static override styles = [tokens, avatarStyles];
  protected override render() {
    // Subjects found by the hash, one per colour.
    const subjects = new Map<number, string>();
    for (let i = 0; subjects.size < AVATAR_COLOURS; i++)
      if (!subjects.has(avatarColour(`p${i}`))) subjects.set(avatarColour(`p${i}`), `p${i}`);
    return html`${[...subjects.values()].map((subject) => avatar('Ada Lovelace', subject))}`;
  }
}
customElements.define('test-avatar-swatches', AvatarSwatches);

const luminance = (rgb: string): number => {
  const [r, g, b] = (rgb.match(/\d+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

describe('initials avatars', () => {
  afterEach(cleanup);

  it('takes the first letters of the first and last names', () => {
    expect(initials('Amara Okafor')).toBe('AO');
    expect(initials('  mei   ')).toBe('M');
    expect(initials('Anna Maria van Berg')).toBe('AB');
    expect(initials('Émile Zola')).toBe('ÉZ');
    expect(initials('😀 Smile')).toBe('😀S');
  });

  it('gives a subject the same colour every time, and spreads subjects over the colours', () => {
    expect(avatarColour('amara.okafor')).toBe(avatarColour('amara.okafor'));
    const used = new Set(Array.from({ length: 200 }, (_, i) => avatarColour(`person-${i}`)));
    expect(used.size).toBe(AVATAR_COLOURS);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`keeps the initials readable on every colour in ${theme} (contrast at least 4.5:1), hidden from assistive technology`, async () => {
      const host = await mount<AvatarSwatches>(`<test-avatar-swatches style="color-scheme: ${theme}"></test-avatar-swatches>`);
      await host.updateComplete;
      const avatars = [...(host.shadowRoot?.querySelectorAll('[part="avatar"]') ?? [])];
      expect(avatars).toHaveLength(AVATAR_COLOURS);
      const backgrounds = new Set<string>();
      for (const a of avatars) {
        const style = getComputedStyle(a);
        backgrounds.add(style.backgroundColor);
        expect(a.getAttribute('aria-hidden')).toBe('true');
        expect(a.textContent).toBe('AL');
        expect(contrast(style.color, style.backgroundColor), style.backgroundColor).toBeGreaterThanOrEqual(4.5);
      }
      expect(backgrounds.size).toBe(AVATAR_COLOURS);
    });
  }
});
