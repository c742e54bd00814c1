/** Secrets for the test Worker: fixed, test-only values (never the ones in .dev.vars). */
export const TEST_BINDINGS = {
  BRIDGEKIT_SECRET_KEY: 'dGVzdC1vbmx5LWtleS10ZXN0LW9ubHkta2V5LXRlc3Q',
  DEMO_EMBED_SECRET: 'test-demo-embed-secret-0123456789abcdef',
  BRIDGEKIT_ADMIN_TOKEN: 'test-platform-admin-token-0123456789abcdef',
} as const;
