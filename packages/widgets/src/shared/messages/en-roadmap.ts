/** English texts of a board's roadmap (`bk-idea-roadmap`); part of the `en` catalog. */
export const enRoadmap = {
  'roadmap.heading': 'Roadmap: {board}',
  'roadmap.loading': 'Loading the roadmap…',
  'roadmap.under_review': 'Under review',
  'roadmap.planned': 'Planned',
  'roadmap.in_progress': 'In progress',
  'roadmap.done': 'Done',
  'roadmap.empty': 'Nothing here yet.',
} as const;
