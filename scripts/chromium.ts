/**
 * How tests and benchmarks start Chromium: the system's browser (Debian's `chromium`, or
 * CHROMIUM_PATH), headless, with the background services that would dial out switched off.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
