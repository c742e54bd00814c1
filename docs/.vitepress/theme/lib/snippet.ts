/**
 * What the configurator hands out, from one set of choices: the script tag and element to paste
 * into a page, the SharePoint web part's settings, and the iframe route for hosts that allow
 * nothing else. Pure functions, so the preview and the copied text cannot disagree.
 */
import { WIDGETS } from '@bridgekit/widgets/registry.js';
import { routeName, type TargetKind, type WidgetTag, widgetInfo } from './widgets.ts';

export type ThemeChoice = 'auto' | 'light' | 'dark';
export type LocaleChoice = 'auto' | 'en' | 'de';

export type SignIn =
  | { mode: 'read-only' }
  /** The name of a global function on the host page that returns the signed-in person's token. */
  | { mode: 'provider'; functionName: string }
  /** A development Worker's demo token, written into the tag (it expires after 15 minutes). */
  | { mode: 'demo'; token: string };

export interface EmbedChoice {
  /** The Bridgekit Worker, without a trailing slash. */
  bridgekitUrl: string;
  tenant: string;
  widget: WidgetTag;
  /** Board slug, idea id, thread key or card id; empty when the widget has none. */
  target: string;
  theme: ThemeChoice;
  locale: LocaleChoice;
  signIn: SignIn;
}

/** Placeholder for the web part's Entra ID application: each organisation registers its own. */
export const APPLICATION_ID_URI_PLACEHOLDER = 'api://<your-bridgekit-app-id>';

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attributes(pairs: [string, string | true][]): string {
  return pairs.map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`)).join('');
}

/** The loader: page-wide settings (tenant, locale, theme, sign-in) live on the script tag. */
export function scriptTag(choice: EmbedChoice): string {
  const pairs: [string, string | true][] = [
    ['src', `${choice.bridgekitUrl}/embed.js`],
    ['data-tenant', choice.tenant],
  ];
  if (choice.locale !== 'auto') pairs.push(['data-locale', choice.locale]);
  if (choice.theme !== 'auto') pairs.push(['data-theme', choice.theme]);
  if (choice.signIn.mode === 'provider') pairs.push(['data-token-provider', choice.signIn.functionName]);
  if (choice.signIn.mode === 'demo') pairs.push(['data-token', choice.signIn.token]);
  pairs.push(['async', true]);
  return `<script${attributes(pairs)}></script>`;
}

/** The element: what it shows. */
export function elementTag(choice: EmbedChoice): string {
  const target = widgetInfo(choice.widget)?.target;
  const pairs: [string, string | true][] = [];
  if (target && choice.target) pairs.push([target.attribute, choice.target]);
  return `<${choice.widget}${attributes(pairs)}></${choice.widget}>`;
}

/** The HTML to paste: the script tag, then the element where the widget should appear. */
export function embedSnippet(choice: EmbedChoice): string {
  return `${scriptTag(choice)}\n${elementTag(choice)}`;
}

/** `<bridgekit>/embed/<widget>?tenant=…&board=…&theme=…&locale=…`. */
export function iframeUrl(choice: EmbedChoice): string {
  const params = new URLSearchParams({ tenant: choice.tenant });
  const target = widgetInfo(choice.widget)?.target;
  if (target && choice.target) params.set(target.attribute, choice.target);
  if (choice.theme !== 'auto') params.set('theme', choice.theme);
  if (choice.locale !== 'auto') params.set('locale', choice.locale);
  return `${choice.bridgekitUrl}/embed/${routeName(choice.widget)}?${params}`;
}

export function iframeSnippet(choice: EmbedChoice): string {
  const name = widgetInfo(choice.widget)?.name ?? choice.widget;
  const pairs: [string, string | true][] = [
    ['src', iframeUrl(choice)],
    ['title', `Bridgekit: ${name}`],
    ['width', '100%'],
    ['height', '600'],
    ['loading', 'lazy'],
  ];
  return `<iframe${attributes(pairs)}></iframe>`;
}

/**
 * For pages that frame the widget and may also run a script: sizes each Bridgekit frame to its
 * content and, with a token provider, signs the frames in with the page's own token.
 */
export function resizerTag(choice: EmbedChoice): string {
  const pairs: [string, string | true][] = [['src', `${choice.bridgekitUrl}/embed-resizer.js`]];
  if (choice.signIn.mode === 'provider') pairs.push(['data-token-provider', choice.signIn.functionName]);
  pairs.push(['async', true]);
  return `<script${attributes(pairs)}></script>`;
}

export interface WebPartSetting {
  setting: string;
  value: string;
}

/**
 * The SharePoint web part's names for the widgets it offers (its "Widget" choice, in
 * examples/sharepoint-spfx), from the registry. It has no vote button or idea form of their
 * own: the idea board includes both.
 */
const WEB_PART_WIDGETS: Record<string, string | null> = Object.fromEntries(WIDGETS.map((w) => [w.tag, w.webPart?.name ?? null]));

/** The web part's field for each kind of target. */
const WEB_PART_TARGET_FIELDS: Record<TargetKind, string> = {
  board: 'Board',
  idea: 'Idea',
  thread: 'Thread key',
  card: 'Card ID',
};

/** The web part's property pane, field by field as it names them; `null` when it does not offer the widget. */
export function webPartSettings(choice: EmbedChoice): WebPartSetting[] | null {
  const name = WEB_PART_WIDGETS[choice.widget] ?? null;
  if (!name) return null;
  const settings: WebPartSetting[] = [{ setting: 'Widget', value: name }];
  const target = widgetInfo(choice.widget)?.target;
  if (target) settings.push({ setting: WEB_PART_TARGET_FIELDS[target.kind], value: choice.target || '(empty: the page’s own discussion)' });
  settings.push(
    { setting: 'Bridgekit address', value: choice.bridgekitUrl },
    { setting: 'Tenant', value: choice.tenant },
    { setting: 'Entra application ID URI', value: APPLICATION_ID_URI_PLACEHOLDER },
  );
  return settings;
}
