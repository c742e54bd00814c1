/**
 * `@bridgekit/sdk/reasons` as the production Worker runs it, without the reasons' English texts
 * in the bundle (~10 KB gzip): scripts/bundle.ts puts a module in the SDK module's place that
 * lists the reasons' names (schemas enumerate them as they are built) and takes `REASONS` and
 * `formatReason` from here. The texts — the SDK's `REASONS`, written by the build — are a static
 * asset, read once per isolate before the Worker answers, runs a queue batch or a cron
 * (src/index.ts). Development and the tests but the production project run the SDK's module.
 */
import { formatReasonText, type Reason, type ReasonParams, type ReasonText } from '@bridgekit/sdk/reasons';

/** Where the build puts the texts among the static assets. */
export const REASON_TEXTS_ASSET = '/reasons/en.json';

/** The texts by reason: empty until `loadReasonTexts` has read them. */
export const REASONS: Partial<Record<Reason, ReasonText>> = {};

let loaded = false;
let loading: Promise<void> | undefined;

/**
 * Reads the texts from the static assets, once per isolate (again after a failed read).
 *
 * @example
 * await loadReasonTexts(env.ASSETS);
 */
export function loadReasonTexts(assets: { fetch(url: string): Promise<Response> }): Promise<void> {
  if (loaded) return Promise.resolve();
  loading ??= (async () => {
    const res = await assets.fetch(`https://assets.invalid${REASON_TEXTS_ASSET}`);
    if (!res.ok) throw new Error(`The reasons' texts are not among the static assets (${res.status}); build them with pnpm build.`);
    Object.assign(REASONS, await res.json());
    loaded = true;
  })().finally(() => {
    loading = undefined;
  });
  return loading;
}

/**
 * The SDK's `formatReason` over the loaded texts; before they are read (a failed read), the
 * reason's name stands for its text.
 *
 * @example
 * formatReason('not_found.idea', { id: 'i_1' });
 */
export function formatReason(reason: Reason, params: ReasonParams = {}): string {
  return formatReasonText(REASONS[reason] ?? reason, params);
}
