/**
 * German texts of a unit's relationship health (`bk-health`); loaded on demand.
 * Terms: Beziehungs-Check, Runde, Fachbereich (the business side), IT (the provider side), Reifegrad.
 */
import type { Translation } from './en.ts';
import type { enHealth } from './en-health.ts';

export const deHealth: Translation<typeof enHealth> = {
  'health.heading': 'Beziehungs-Check',
  'health.intro': 'Wie Fachbereich und IT ihre Zusammenarbeit sehen: Jede Seite bewertet beide.',
  'health.noUnit':
    'Kein Geschäftsbereich gewählt: Setzen Sie das Attribut `unit` auf den Schlüssel eines Bereichs, oder öffnen Sie den Link einer Runde.',
  'health.loading': 'Der Beziehungs-Check wird geladen …',
  'health.unavailable':
    'Vom Beziehungs-Check dieses Bereichs gibt es für Sie nichts zu sehen: Die Ergebnisse sind für sein Beziehungsteam, die Runden für die dazu Eingeladenen.',
  'health.loadFailed': 'Der Beziehungs-Check konnte nicht geladen werden.',
  'health.noRounds': 'Für diesen Bereich gab es noch keine Runde.',
  'health.closesOn': 'Offen bis {date}.',
  'health.form.heading': 'Ihre Antworten: {title}',
  'health.form.intro':
    'Bewerten Sie jeden Punkt von 1 (schlecht) bis 5 (ausgezeichnet), so wie Sie ihn aus Sicht {side} sehen. Niemand sieht Bewertungen, bevor die Runde abgeschlossen ist, und Kommentare erscheinen ohne Namen.',
  'health.side.business': 'des Fachbereichs',
  'health.side.provider': 'der IT (Anbieter)',
  'health.rates.provider': 'Was die IT tut',
  'health.rates.business': 'Was der Fachbereich tut',
  'health.score': '{score}',
  'health.score.1': '1 – schlecht',
  'health.score.5': '5 – ausgezeichnet',
  'health.comment': 'Kommentar zu „{item}“ (freiwillig)',
  'health.save': 'Meine Antworten speichern',
  'health.saving': 'Wird gespeichert …',
  'health.saved': 'Ihre Antworten sind gespeichert. Sie können sie ändern, bis die Runde abgeschlossen ist.',
  'health.noScore': 'Bewerten Sie mindestens einen Punkt, bevor Sie speichern.',
  'health.answered': { one: 'Sie haben # Punkt beantwortet.', other: 'Sie haben # Punkte beantwortet.' },
  'health.open.heading': 'Offene Runde: {title}',
  'health.open.counts':
    'Bisherige Antworten: Fachbereich {businessResponded} von {businessInvited} Eingeladenen, IT {providerResponded} von {providerInvited} Eingeladenen. Die Bewertungen erscheinen, sobald die Runde abgeschlossen ist.',
  'health.close': 'Runde abschließen',
  'health.closing': 'Wird abgeschlossen …',
  'health.closed': 'Die Runde ist abgeschlossen: Die Ergebnisse stehen unten.',
  'health.results.heading': 'Ergebnisse: {title}',
  'health.results.caption': 'Durchschnittliche Bewertung je Punkt von jeder Seite (1–5) und die Lücke: Fachbereich minus IT.',
  'health.results.item': 'Punkt',
  'health.results.business': 'Fachbereich',
  'health.results.provider': 'IT',
  'health.results.gap': 'Lücke',
  'health.results.largeGap': 'große Lücke',
  'health.results.none': '–',
  'health.respondents':
    'Fachbereich: {businessRespondents} von {businessInvited} haben geantwortet. IT: {providerRespondents} von {providerInvited} haben geantwortet.',
  'health.maturity': 'Geschätzter Reifegrad: {level} · {label}',
  'health.maturity.weaker':
    'Die Bewertungen {weaker} tragen Stufe {weakerLevel}, die {stronger} Stufe {strongerLevel}: Die Schätzung ist die niedrigere, denn Reife braucht beide Seiten.',
  'health.maturity.same': 'Die Bewertungen beider Seiten tragen diese Stufe.',
  'health.maturity.none': 'Kein geschätzter Reifegrad: Dafür braucht es Antworten beider Seiten.',
  'health.comments.heading': 'Kommentare, ohne Namen',
  'health.comments.business': 'Vom Fachbereich',
  'health.comments.provider': 'Von der IT',
  'health.trend.heading': 'Über die Runden',
  'health.trend.caption':
    'Abgeschlossene Runden, die älteste zuerst: die durchschnittliche Bewertung jeder Seite und der geschätzte Reifegrad.',
  'health.trend.round': 'Runde',
  'health.trend.closed': 'Abgeschlossen',
  'health.trend.maturity': 'Reifegrad',
};
