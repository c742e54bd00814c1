/**
 * German texts of the cockpit (`bk-insights`); loaded on demand.
 * Terms: Kennzahlen, Geschäftsbereich, Fachbereich (the business side), IT (the provider side), Reifegrad, Nutzen.
 */
import type { Translation } from './en.ts';
import type { enInsights } from './en-insights.ts';

export const deInsights: Translation<typeof enInsights> = {
  'insights.heading': 'Kennzahlen',
  'insights.intro':
    'Wie sich jeder Geschäftsbereich beteiligt, was er anfragt, was er bekommen hat und wie die Zusammenarbeit läuft – Monat für Monat.',
  'insights.loading': 'Die Kennzahlen werden geladen …',
  'insights.unavailable': 'Es gibt keine Kennzahlen für Sie: Sie sind für das Beziehungsteam eines Bereichs, CIOs und Admins bestimmt.',
  'insights.loadFailed': 'Die Kennzahlen konnten nicht geladen werden.',
  'insights.filters': 'Zeitraum',
  'insights.from': 'Von',
  'insights.to': 'Bis',
  'insights.quarter': 'Quartal',
  'insights.quarter.none': 'Quartal wählen …',
  'insights.quarter.label': 'Q{quarter} {year}',
  'insights.periodInvalid': 'Wählen Sie einen ersten Monat, der nicht nach dem letzten liegt, höchstens 36 Monate insgesamt.',
  'insights.print': 'Quartalsbericht drucken',
  'insights.csv': 'CSV herunterladen',
  'insights.csvDone': 'Die CSV-Datei wird heruntergeladen.',
  'insights.back': 'Alle Bereiche',
  'insights.overview.loaded': { one: 'Kennzahlen von # Bereich geladen.', other: 'Kennzahlen von # Bereichen geladen.' },
  'insights.unit.loaded': 'Die Kennzahlen von {unit} sind geladen.',
};
