/** English texts of the cockpit (`bk-insights`) before it shows figures: its states and filters; part of the `en` catalog. */
export const enInsights = {
  'insights.loading': 'Loading the figures…',
  'insights.unavailable': 'There are no unit figures for you to see: the cockpit is for a unit’s relationship team, CIOs and admins.',
  'insights.loadFailed': 'The figures could not be loaded.',
  'insights.filters': 'Period',
  'insights.from': 'From',
  'insights.to': 'To',
  'insights.quarter': 'Quarter',
  'insights.quarter.none': 'Choose a quarter…',
  'insights.quarter.label': 'Q{quarter} {year}',
  'insights.periodInvalid': 'Choose a first month no later than the last one, at most 36 months in all.',
  'insights.print': 'Print quarterly review',
  'insights.csv': 'Download CSV',
  'insights.csvDone': 'The CSV file is downloading.',
  'insights.back': 'All units',
  'insights.overview.loaded': { one: 'Figures of # unit loaded.', other: 'Figures of # units loaded.' },
  'insights.unit.loaded': 'The cockpit of {unit} is loaded.',
} as const;
