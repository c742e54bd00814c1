#!/usr/bin/env -S node --conditions=@bridgekit/source
/**
 * `pnpm bridgekit …` — the admins' command line. Creates tenants, rotates embed secrets,
 * manages allowed origins, OIDC issuers, API keys and roles, and mints test tokens, through the
 * Worker's admin API (the SDK), on a local or a deployed Worker.
 */
import { main } from './commands.ts';

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
