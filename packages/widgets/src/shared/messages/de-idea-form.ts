/** German texts of the idea form's intake sorting; loaded on demand. Terms: Bedarfsart, Ziele, Sponsor (Fachbereich). */
import type { Translation } from './en.ts';
import type { enIdeaForm } from './en-idea-form.ts';

export const deIdeaForm: Translation<typeof enIdeaForm> = {
  'form.demandClass': 'Art des Bedarfs',
  'form.demandClassHint': 'Betrieb hält das Geschäft am Laufen, Wachstum baut es aus, Transformation verändert, wie es arbeitet.',
  'form.demandClassOwnHint': 'Wie das Bedarfsgremium seine Investitionen einordnet.',
  'form.objectives': 'Welchen Zielen von {unit} dient sie?',
  'form.objectivesHint': { one: 'Kreuzen Sie bis zu # Ziel an.', other: 'Kreuzen Sie bis zu # Ziele an.' },
  'form.objectivesFull': {
    one: 'Eine Idee dient höchstens # Ziel: Entfernen Sie das Häkchen, um ein anderes zu wählen.',
    other: 'Eine Idee dient höchstens # Zielen: Entfernen Sie ein Häkchen, um ein anderes zu wählen.',
  },
  'form.sponsor': 'Sponsor im Fachbereich',
  'form.sponsorHint': 'Die Führungskraft im Fachbereich, die sich für sie einsetzt, mit Name oder Kennung. Sie bewertet die Idee nicht.',
};
