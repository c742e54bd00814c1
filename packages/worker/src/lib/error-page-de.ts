import type { FrameErrorKey } from './error-page-en.ts';

/** German texts of the iframe route's error page (the details stay in the API's English). */
export const deFrameError: Record<FrameErrorKey, string> = {
  'frameError.heading': 'Das lässt sich nicht anzeigen',
  'frameError.address':
    'Die Adresse dieser Seite enthält einen Fehler. Wer sie hier eingebunden hat, kann sie korrigieren: Vergleichen Sie sie mit dem Einbettungscode, den die Administration der Website ausgegeben hat.',
  'frameError.tenant':
    'Die Adresse nennt eine Community, die es hier nicht gibt. Wer sie eingebunden hat, kann den Teil tenant=… korrigieren; die Administration der Website kennt den richtigen Namen.',
  'frameError.busy': 'In kurzer Zeit kamen zu viele Anfragen. Warten Sie eine Minute und laden Sie die Seite dann neu.',
  'frameError.server':
    'Bei uns ist etwas schiefgegangen. Laden Sie die Seite gleich neu; wenn der Fehler bleibt, nennen Sie der Administration der Website die Referenz unten.',
  'frameError.other': 'Nennen Sie der Administration der Website, was unten in den Details steht.',
  'frameError.signInTitle': 'Anmelden',
  'frameError.details': 'Details (auf Englisch)',
  'frameError.reference': 'Referenz: {requestId}',
};
