/**
 * The script of Bridgekit's iframe page (`/embed/<widget>`), for hosts that allow nothing but
 * an iframe (SharePoint's Embed web part, Confluence Cloud). It reports the content's height to
 * the framing page, and signs the person in without third-party cookies: a token comes either
 * from the framing page (`embed-resizer.js` with a token provider) or from Bridgekit's own
 * sign-in window, a first-party popup that hands the token back by `postMessage`.
 *
 * The server writes `data-parent-origin` only when the framing page's origin is one the tenant
 * allows; nothing is ever posted to any other origin.
 */
import { BkSessionExpiredEvent } from '../events/session-expired.ts';
import { configure } from '../shared/config.ts';
import { frameText } from './frame-text.ts';
import { isHostReadyMessage, isTokenMessage, type ResizeMessage, type TokenRequestMessage } from './protocol.ts';

const script = document.currentScript as HTMLScriptElement | null;
const settings = script?.dataset ?? {};
const t = frameText(document.documentElement.lang || navigator.language || 'en');
const parentOrigin = verifiedParent(settings.parentOrigin);

/** The origin the server vouched for, if the browser agrees that it is the one framing us. */
function verifiedParent(origin: string | undefined): string | null {
  if (!origin || window.parent === window) return null;
  const ancestors = location.ancestorOrigins;
  if (ancestors && ancestors.length > 0 && ancestors[0] !== origin) return null;
  return origin;
}

function postToParent(message: ResizeMessage | TokenRequestMessage): void {
  if (parentOrigin) window.parent.postMessage(message, parentOrigin);
}

// --- height -------------------------------------------------------------------------------

let lastHeight = -1;
function reportHeight(always = false): void {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === lastHeight && !always) return;
  lastHeight = height;
  postToParent({ type: 'bridgekit:resize', height });
}
if (parentOrigin) new ResizeObserver(() => reportHeight()).observe(document.documentElement);

// --- sign-in --------------------------------------------------------------------------------

const bar = document.createElement('div');
bar.className = 'bk-frame-auth';
bar.hidden = true;
const text = document.createElement('p');
const button = document.createElement('button');
button.type = 'button';
button.className = 'bk-frame-sign-in';
button.textContent = t('frame.signIn');
bar.append(text, button);
const status = document.createElement('p');
status.className = 'bk-frame-status';
status.setAttribute('role', 'status');
(document.querySelector('main') ?? document.body).prepend(bar, status);

const canSignIn = settings.signIn === 'available';
let popup: Window | null = null;
let token: string | null = null;

function showSignIn(message: 'frame.signInPrompt' | 'frame.signInAgain' | 'frame.popupBlocked'): void {
  if (!canSignIn) return;
  text.textContent = t(message);
  bar.hidden = false;
}

function acceptToken(value: string): void {
  token = value;
  bar.hidden = true;
  status.textContent = t('frame.signedIn');
  configure({ token: value });
}

// A window name of this frame's own: a name shared by every frame would make a second frame's
// click reuse the first one's window, whose token then goes only to the first frame (its opener).
// (Not crypto.randomUUID: a frame in a plain-http intranet page is not a secure context.)
const signInWindow = `bridgekit-sign-in-${Math.random().toString(36).slice(2)}`;

button.addEventListener('click', () => {
  const url = new URL('/embed/sign-in', location.origin);
  url.searchParams.set('tenant', settings.tenant ?? '');
  url.searchParams.set('locale', document.documentElement.lang || 'en');
  popup = window.open(url, signInWindow, 'popup,width=520,height=680');
  if (!popup) showSignIn('frame.popupBlocked');
});

addEventListener('message', (event: MessageEvent) => {
  const fromParent = parentOrigin !== null && event.source === window.parent && event.origin === parentOrigin;
  if (fromParent && isHostReadyMessage(event.data)) {
    reportHeight(true);
    if (!token) postToParent({ type: 'bridgekit:token-request', expired: false });
    return;
  }
  if (!isTokenMessage(event.data) || !event.data.token) return;
  const fromSignInWindow = popup !== null && event.source === popup && event.origin === location.origin;
  if (fromSignInWindow || fromParent) acceptToken(event.data.token);
});

addEventListener(BkSessionExpiredEvent.type, () => {
  token = null;
  showSignIn('frame.signInAgain');
  status.textContent = '';
  postToParent({ type: 'bridgekit:token-request', expired: true });
});

showSignIn('frame.signInPrompt');
postToParent({ type: 'bridgekit:token-request', expired: false });
