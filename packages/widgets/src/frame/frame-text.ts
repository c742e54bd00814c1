/**
 * The texts of the frame page and the sign-in window, from their own small catalogs: these
 * scripts run before any widget chunk, and need a dozen strings, not the widgets' catalogs.
 */
import { deFrame } from '../shared/messages/de-frame.ts';
import { enFrame } from '../shared/messages/en-frame.ts';

export type FrameTextKey = keyof typeof enFrame;

export function frameText(locale: string): (key: FrameTextKey, params?: Record<string, string>) => string {
  const german = /^de(?:[-_]|$)/i.test(locale);
  // Swiss and Liechtenstein German write no ß.
  const swiss = /^de[-_](?:ch|li)\b/i.test(locale);
  const catalog: Record<FrameTextKey, string> = german ? deFrame : enFrame;
  return (key, params = {}) => {
    const text = catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
    return swiss ? text.replaceAll('ß', 'ss') : text;
  };
}
