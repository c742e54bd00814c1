/**
 * `embed-resizer.js`: an optional script for pages that frame Bridgekit (`/embed/<widget>`)
 * and may run a script of their own. It sizes each Bridgekit iframe to its content, and — with
 * `data-token-provider="<global function>"` — hands the host's token to the frames, so people
 * signed in to the intranet need no separate sign-in.
 *
 *   <script src="https://bridgekit.example.com/embed-resizer.js" async></script>
 *
 * Messages count only when they come from Bridgekit's origin and from one of the page's own
 * iframes; a token goes only to that iframe, addressed to Bridgekit's origin.
 */
import type { TokenRequest } from '@bridgekit/sdk';
import { type HostReadyMessage, isResizeMessage, isTokenRequestMessage, type TokenMessage } from './protocol.ts';

/** Taller than any real widget; a frame that claims more is clamped. */
const MAX_HEIGHT = 20_000;

const script = document.currentScript as HTMLScriptElement | null;
const bridgekitOrigin = script ? new URL(script.src, location.href).origin : null;
const started = Symbol.for(`bridgekit.resizer ${bridgekitOrigin}`);
const root = globalThis as typeof globalThis & { [started]?: true };

if (bridgekitOrigin && !root[started]) {
  root[started] = true;
  const providerName = script?.dataset.tokenProvider;

  const frameOf = (source: MessageEventSource | null): HTMLIFrameElement | undefined =>
    source ? [...document.querySelectorAll('iframe')].find((frame) => frame.contentWindow === source) : undefined;

  const tokenFromHost = async (request: TokenRequest): Promise<string | null> => {
    const provider = providerName ? (globalThis as unknown as Record<string, unknown>)[providerName] : undefined;
    if (typeof provider !== 'function') return null;
    try {
      const token: unknown = await provider(request);
      return typeof token === 'string' && token !== '' ? token : null;
    } catch (err) {
      console.error('Bridgekit: the token provider failed', err);
      return null;
    }
  };

  addEventListener('message', (event: MessageEvent) => {
    if (event.origin !== bridgekitOrigin) return;
    const frame = frameOf(event.source);
    if (!frame) return;
    if (isResizeMessage(event.data)) {
      frame.style.height = `${Math.min(Math.max(event.data.height, 0), MAX_HEIGHT)}px`;
    } else if (isTokenRequestMessage(event.data) && providerName) {
      void tokenFromHost({ expired: event.data.expired }).then((token) => {
        const reply: TokenMessage = { type: 'bridgekit:token', token };
        frame.contentWindow?.postMessage(reply, bridgekitOrigin);
      });
    }
  });

  // Frames that loaded before this script posted their height to no one: ask them again.
  const hello: HostReadyMessage = { type: 'bridgekit:host-ready' };
  for (const frame of document.querySelectorAll('iframe')) {
    if (URL.parse(frame.src, location.href)?.origin === bridgekitOrigin) frame.contentWindow?.postMessage(hello, bridgekitOrigin);
  }
}
