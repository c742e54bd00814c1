import type { enFrame } from './en-frame.ts';

/** German texts of the iframe route and its sign-in window. */
export const deFrame: Record<keyof typeof enFrame, string> = {
  'frame.signInPrompt': 'Melden Sie sich an, um abzustimmen, zu kommentieren und Ideen einzureichen.',
  'frame.signIn': 'Anmelden',
  'frame.signInAgain': 'Ihre Anmeldung ist abgelaufen. Melden Sie sich erneut an, um weiter mitzumachen.',
  'frame.popupBlocked':
    'Ihr Browser hat das Anmeldefenster blockiert. Erlauben Sie Pop-ups für diese Website und wählen Sie dann erneut „Anmelden“.',
  'frame.signedIn': 'Angemeldet.',
  'signIn.title': 'Anmelden',
  'signIn.heading': 'Anmelden',
  'signIn.intro': 'Wählen Sie, wie Sie sich anmelden möchten. Dieses Fenster schließt sich danach von selbst.',
  'signIn.withProvider': 'Mit {provider} anmelden',
  'signIn.demoHeading': 'Demo-Personen (nur in der Entwicklung)',
  'signIn.demoAs': 'Weiter als {name}, {unit}',
  'signIn.redirecting': 'Sie werden zur Anmeldeseite Ihrer Organisation weitergeleitet …',
  'signIn.working': 'Sie werden angemeldet …',
  'signIn.done': 'Sie sind angemeldet. Sie können dieses Fenster schließen.',
  'signIn.failed': 'Die Anmeldung wurde nicht abgeschlossen: {reason}',
  'signIn.noMethod':
    'Für eingebettete Seiten ist in dieser Community noch keine Anmeldung eingerichtet. Bitten Sie die Administration dieser Seite, beim OpenID-Connect-Anbieter einen Anmelde-Client einzutragen.',
  'signIn.noOpener': 'Öffnen Sie dieses Fenster über die Schaltfläche „Anmelden“ auf der Seite, von der Sie kommen.',
  'signIn.stateMismatch': 'die Antwort der Anmeldeseite passt nicht zur Anfrage dieses Fensters. Beginnen Sie erneut im Widget.',
  'signIn.unavailable':
    'die Anmeldung bei diesem Anbieter ist gerade nicht möglich. Versuchen Sie es gleich noch einmal; wenn der Fehler bleibt, wenden Sie sich an die Administration dieser Seite.',
  'signIn.serverError': 'bei uns ist etwas schiefgegangen (Referenz {requestId}). Versuchen Sie es gleich noch einmal.',
};
