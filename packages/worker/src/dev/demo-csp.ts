/**
 * The demo page's Content-Security-Policy: the strict one SharePoint Online enforces, so the
 * demo proves the widgets need no inline script or style. One literal, so
 * scripts/production-bundle.test.ts can look for it in the built bundle.
 */
export const DEMO_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";
