/**
 * The script-tag build squeezes the `css` literals (scripts/minify-css.ts). Chromium is the
 * judge of "the same style sheet": every element's styles, minified, parse to the same rules.
 */
import { describe, expect, it } from 'vitest';
import { minifyCss, minifyCssLiterals } from '../scripts/minify-css.ts';
import * as widgets from '../src/index.ts';
import { WIDGETS } from '../src/registry.ts';

type ElementClass = { observedAttributes: string[]; elementStyles: { cssText: string }[] };

const rulesOf = (text: string) => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  // Custom properties keep their value's text as written, so `var(--a, b)` and `var(--a,b)`
  // serialize apart though they substitute alike: spaces after commas do not count.
  return [...sheet.cssRules].map((rule) => rule.cssText.replace(/,\s+/g, ','));
};

describe('minifying the css literals', () => {
  it("leaves every element's style sheets the same rules, in fewer bytes", () => {
    let before = 0;
    let after = 0;
    for (const { tag, className } of WIDGETS) {
      // biome-ignore lint/performance/noDynamicNamespaceImportAccess: every element class, by the registry's names
      const element = widgets[className as keyof typeof widgets] as unknown as ElementClass;
      void element.observedAttributes; // Lit finalizes the class, styles included, on this read.
      expect(element.elementStyles.length, tag).toBeGreaterThan(0);
      for (const { cssText } of element.elementStyles) {
        const minified = minifyCss(cssText);
        expect(rulesOf(minified), tag).toEqual(rulesOf(cssText));
        before += cssText.length;
        after += minified.length;
      }
    }
    expect(after).toBeLessThan(before * 0.8);
  });

  it('keeps quoted strings, the spaces calc() and descendant selectors need, and interpolations', () => {
    expect(minifyCss(".a  :hover  >  b {\n  content: '  x  ';\n  width: calc(1px + 2px);\n}\n")).toBe(
      ".a :hover>b{content:'  x  ';width:calc(1px + 2px)}",
    );
    expect(minifyCss("/* the board's list */ .a { color: red; }")).toBe(' .a{color:red}');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a css literal, on purpose
    expect(minifyCssLiterals('const s = css`\n  .a {\n    color: ${red};\n  }\n`;')).toBe('const s = css` .a{color:${red}}`;');
  });

  it('changes nothing but css literals: not a mention of css` in a comment, not other templates', () => {
    const source = '// a `css` literal\nconst t = html`<p>  a  </p>`;\nconst s = [\n  css`\n    .b { margin: 0; }\n  `,\n];\n';
    expect(minifyCssLiterals(source)).toBe('// a `css` literal\nconst t = html`<p>  a  </p>`;\nconst s = [\n  css` .b{margin:0}`,\n];\n');
    // A template inside an interpolation is beyond this minifier: the file stays as written.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a css literal, on purpose
    const nested = 'const s = css`.a { color: ${`red`}; }`;';
    expect(minifyCssLiterals(nested)).toBe(nested);
  });
});
