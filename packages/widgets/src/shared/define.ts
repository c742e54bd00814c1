/**
 * Registers a custom element unless the tag is taken: two bundles on one page (two web parts,
 * or the script tag plus a web part) must not throw "already defined".
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}
