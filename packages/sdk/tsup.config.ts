import { defineConfig } from 'tsup';

export default defineConfig({
  // The registry of reasons (`@bridgekit/sdk/reasons`), `localize` (`@bridgekit/sdk/translations`),
  // the text rules (`@bridgekit/sdk/text-rules`), the page-URL canonical form (`@bridgekit/sdk/page-url`)
  // and how scores add up (`@bridgekit/sdk/scoring`, triage's preview), and the member client's core
  // and parts (`@bridgekit/sdk/core`, `@bridgekit/sdk/parts/<part>`: the widgets load a group of calls
  // when an element first needs it)
  // are entries of their own, not in the main one: a bundle takes them only into the chunks that
  // use them (the widgets load the reasons' texts only when they show an error).
  entry: [
    'src/index.ts',
    'src/reasons.ts',
    'src/translations.ts',
    'src/text-rules.ts',
    'src/page-url.ts',
    'src/scoring.ts',
    'src/core.ts',
    'src/parts.ts',
    'src/parts/*.ts',
    // The runtime values of the wire types and errors, one file each: a widget that imports one
    // from the main entry would take every value the other widgets use (bundlers split by file).
    'src/errors.ts',
    'src/types.ts',
    'src/privacy.ts',
    'src/card-types.ts',
    'src/unit-types.ts',
    'src/intake-types.ts',
    'src/health-types.ts',
    'src/value-types.ts',
  ],
  format: ['esm'],
  target: 'es2022',
  platform: 'neutral',
  dts: true,
  sourcemap: true,
  clean: true,
});
