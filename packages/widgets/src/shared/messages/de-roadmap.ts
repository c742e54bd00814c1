/** German texts of a board's roadmap (`bk-idea-roadmap`); loaded on demand. */
import type { Translation } from './en.ts';
import type { enRoadmap } from './en-roadmap.ts';

export const deRoadmap: Translation<typeof enRoadmap> = {
  'roadmap.heading': 'Roadmap: {board}',
  'roadmap.loading': 'Die Roadmap wird geladen …',
  'roadmap.under_review': 'In Prüfung',
  'roadmap.planned': 'Geplant',
  'roadmap.in_progress': 'In Arbeit',
  'roadmap.done': 'Erledigt',
  'roadmap.empty': 'Noch nichts hier.',
};
