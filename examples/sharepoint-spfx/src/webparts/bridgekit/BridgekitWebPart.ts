import * as strings from 'BridgekitWebPartStrings';
import type { TokenFailureKind } from '@bridgekit/sdk';
import type { IReadonlyTheme } from '@microsoft/sp-component-base';
import { DisplayMode, Version } from '@microsoft/sp-core-library';
import {
  type IPropertyPaneConfiguration,
  type IPropertyPaneField,
  PropertyPaneDropdown,
  PropertyPaneTextField,
  PropertyPaneToggle,
} from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { connectPage, TOKEN_STATE_EVENT, tokenFailure } from './page-session';
import { isWidgetKind, loadThread, type TargetProperty, WIDGET_KINDS, type WidgetKind } from './widget-kinds';

export interface IBridgekitWebPartProps {
  widget: WidgetKind;
  apiUrl: string;
  tenant: string;
  resource: string;
  board: string;
  threadKey: string;
  card: string;
  practiceArea: string;
  cardDiscussion: boolean;
}

const WIDGET_NAMES: Record<WidgetKind, string> = {
  'idea-board': strings.WidgetIdeaBoard,
  'idea-roadmap': strings.WidgetIdeaRoadmap,
  'idea-triage': strings.WidgetIdeaTriage,
  thread: strings.WidgetThread,
  'comment-count': strings.WidgetCommentCount,
  'practice-card': strings.WidgetPracticeCard,
  'practice-library': strings.WidgetPracticeLibrary,
  moderation: strings.WidgetModeration,
};

const TARGET_FIELDS: Record<TargetProperty, { label: string; description: string }> = {
  board: { label: strings.BoardFieldLabel, description: strings.BoardFieldDescription },
  threadKey: { label: strings.ThreadKeyFieldLabel, description: strings.ThreadKeyFieldDescription },
  card: { label: strings.CardFieldLabel, description: strings.CardFieldDescription },
  practiceArea: { label: strings.PracticeAreaFieldLabel, description: strings.PracticeAreaFieldDescription },
};

const TOKEN_MESSAGES: Record<TokenFailureKind, string> = {
  consent: strings.TokenConsent,
  resource: strings.TokenResource,
  'not-assigned': strings.TokenNotAssigned,
  interaction: strings.TokenInteraction,
  unavailable: strings.TokenUnavailable,
};

/**
 * One web part for every Bridgekit widget. The widgets are bundled into the package, so the page
 * loads them from SharePoint itself (no external script source); the reader's Entra ID token for
 * Bridgekit's API comes from SharePoint's token provider.
 */
export default class BridgekitWebPart extends BaseClientSideWebPart<IBridgekitWebPartProps> {
  private dark = false;
  private notice: HTMLParagraphElement | undefined;
  private setup: HTMLDivElement | undefined;
  private widget: HTMLElement | undefined;
  private loadFailed = false;
  private readonly onTokenState = (): void => this.renderNotice();

  protected async onInit(): Promise<void> {
    await super.onInit();
    window.addEventListener(TOKEN_STATE_EVENT, this.onTokenState);
  }

  protected onDispose(): void {
    window.removeEventListener(TOKEN_STATE_EVENT, this.onTokenState);
    super.onDispose();
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  /** Section backgrounds and site themes can be dark ("inverted"): the widgets follow them. */
  protected onThemeChanged(theme: IReadonlyTheme | undefined): void {
    this.dark = Boolean(theme?.isInverted);
    this.widget?.setAttribute('theme', this.dark ? 'dark' : 'light');
  }

  /** Settings apply with the pane's Apply button, not per keystroke: each change reconnects the widgets. */
  protected get disableReactivePropertyChanges(): boolean {
    return true;
  }

  public render(): void {
    this.ensureNotice();
    const missing = this.missingSettings();
    this.renderSetup(missing);
    if (missing.length > 0) {
      this.widget?.remove();
      this.widget = undefined;
    } else {
      connectPage(
        {
          apiBase: this.properties.apiUrl.trim().replace(/\/+$/, ''),
          tenant: this.properties.tenant.trim(),
          resource: this.properties.resource.trim(),
          locale: this.context.pageContext.cultureInfo.currentUICultureName,
        },
        () => this.context.aadTokenProviderFactory.getTokenProvider(),
      );
      this.renderWidget();
    }
    this.renderNotice();
  }

  private get kind(): WidgetKind {
    return isWidgetKind(this.properties.widget) ? this.properties.widget : 'idea-board';
  }

  private missingSettings(): string[] {
    const missing: string[] = [];
    if (!validApiUrl(this.properties.apiUrl)) missing.push(strings.ApiUrlFieldLabel);
    if (!this.properties.tenant?.trim()) missing.push(strings.TenantFieldLabel);
    if (!this.properties.resource?.trim()) missing.push(strings.ResourceFieldLabel);
    const target = WIDGET_KINDS[this.kind].target;
    if (target?.required && !this.properties[target.property]?.trim()) missing.push(TARGET_FIELDS[target.property].label);
    return missing;
  }

  private renderWidget(): void {
    const spec = WIDGET_KINDS[this.kind];
    if (this.widget?.localName !== spec.tag) {
      this.widget?.remove();
      // Created before its definition arrives: the element upgrades when its chunk has loaded.
      this.widget = document.createElement(spec.tag);
      this.domElement.append(this.widget);
      this.loadFailed = false;
      spec.load().catch((error: unknown) => this.showLoadFailure(error));
    }
    const element = this.widget;
    element.setAttribute('tenant', this.properties.tenant.trim());
    element.setAttribute('theme', this.dark ? 'dark' : 'light');
    if (spec.target) {
      const value = this.properties[spec.target.property]?.trim();
      if (value) element.setAttribute(spec.target.attribute, value);
      else element.removeAttribute(spec.target.attribute);
    }
    if (this.kind === 'practice-card') {
      element.toggleAttribute('thread', Boolean(this.properties.cardDiscussion));
      if (this.properties.cardDiscussion) loadThread().catch((error: unknown) => this.showLoadFailure(error));
    }
  }

  private showLoadFailure(error: unknown): void {
    console.error('Bridgekit: a widget chunk did not load', error);
    this.loadFailed = true;
    this.renderNotice();
  }

  /** Page authors see what is left to set, with a way to the settings; readers a short note. */
  private renderSetup(missing: string[]): void {
    this.setup?.remove();
    this.setup = undefined;
    if (missing.length === 0) return;
    const setup = document.createElement('div');
    if (this.displayMode === DisplayMode.Edit) {
      const heading = document.createElement('p');
      heading.append(Object.assign(document.createElement('strong'), { textContent: strings.SetupHeading }));
      const list = document.createElement('p');
      list.textContent = format(strings.SetupMissing, missing.join(', '));
      const open = document.createElement('button');
      open.type = 'button';
      open.textContent = strings.SetupOpenSettings;
      open.addEventListener('click', () => this.context.propertyPane.open());
      setup.append(heading, list, open);
    } else {
      setup.textContent = strings.SetupReaderNotice;
    }
    this.setup = setup;
    this.ensureNotice().after(setup);
  }

  /** Why the widget is read-only (or missing), above it, announced politely. */
  private renderNotice(): void {
    const failure = tokenFailure();
    const text = this.loadFailed
      ? strings.LoadFailed
      : failure && this.widget
        ? format(TOKEN_MESSAGES[failure.kind], this.properties.resource.trim())
        : '';
    const notice = this.ensureNotice();
    notice.textContent = text;
    // Fluent UI's warning message colours, through CSSOM (SharePoint's CSP allows it). The live
    // region itself stays in place when empty, so that a later message is announced.
    Object.assign(
      notice.style,
      text
        ? { margin: '0 0 8px', padding: '8px 12px', borderLeft: '4px solid #c19c00', background: '#fff4ce', color: '#323130' }
        : { margin: '0', padding: '0', borderLeft: '', background: '', color: '' },
    );
  }

  /** The status line stays first in the web part, present from the first render on. */
  private ensureNotice(): HTMLParagraphElement {
    if (this.notice) return this.notice;
    const notice = document.createElement('p');
    notice.setAttribute('role', 'status');
    this.domElement.prepend(notice);
    this.notice = notice;
    return notice;
  }

  /** The fields under "Widget" depend on the widget chosen. */
  protected onPropertyPaneFieldChanged(propertyPath: string): void {
    if (propertyPath === 'widget') this.context.propertyPane.refresh();
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    const spec = WIDGET_KINDS[this.kind];
    const widgetFields: IPropertyPaneField<unknown>[] = [
      PropertyPaneDropdown('widget', {
        label: strings.WidgetFieldLabel,
        options: (Object.keys(WIDGET_KINDS) as WidgetKind[]).map((kind) => ({ key: kind, text: WIDGET_NAMES[kind] })),
        selectedKey: this.kind,
      }),
    ];
    if (spec.target) widgetFields.push(PropertyPaneTextField(spec.target.property, TARGET_FIELDS[spec.target.property]));
    if (this.kind === 'practice-card') widgetFields.push(PropertyPaneToggle('cardDiscussion', { label: strings.CardDiscussionFieldLabel }));

    return {
      pages: [
        {
          header: { description: strings.PropertyPaneDescription },
          groups: [
            { groupName: strings.WidgetGroupName, groupFields: widgetFields },
            {
              groupName: strings.ConnectionGroupName,
              groupFields: [
                PropertyPaneTextField('apiUrl', {
                  label: strings.ApiUrlFieldLabel,
                  description: strings.ApiUrlFieldDescription,
                  onGetErrorMessage: (value: string) => (value.trim() === '' || validApiUrl(value) ? '' : strings.ApiUrlInvalid),
                }),
                PropertyPaneTextField('tenant', { label: strings.TenantFieldLabel, description: strings.TenantFieldDescription }),
                PropertyPaneTextField('resource', { label: strings.ResourceFieldLabel, description: strings.ResourceFieldDescription }),
              ],
            },
          ],
        },
      ],
    };
  }
}

/** https, or http on this machine for `heft start` against `pnpm dev`. */
function validApiUrl(value: string | undefined): boolean {
  try {
    const url = new URL((value ?? '').trim());
    return url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname));
  } catch {
    return false;
  }
}

function format(template: string, value: string): string {
  return template.replace('{0}', value);
}
