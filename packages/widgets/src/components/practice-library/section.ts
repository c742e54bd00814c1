import { BridgekitElement } from '../../shared/bridgekit-element.ts';

/**
 * A section of the library that loads what it lists when it is shown — the review queue, the
 * practice areas — and again when the page's configuration changes. Focus goes to its heading.
 */
export abstract class LibrarySection extends BridgekitElement {
  /** Starts loading, or drops what is on its way when there is nothing to load. */
  protected abstract load(): void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.load();
  }

  protected configChanged(): void {
    this.load();
  }

  override focus(options?: FocusOptions): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h3')?.focus(options));
  }
}
