/** The year the dashboard's figures are read for. */
export const YEAR = { from: '2022-01-01', to: '2022-12-31' };

/** The statuses the figures count, as an SQL list. */
export const LIVE = `('pledged', 'in_progress', 'completed')`;
