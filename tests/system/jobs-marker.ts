/** Shared by jobs.test.ts and jobs-entry.ts; the entry runs the CLI on import, so never import it. */
export const MARKER_KEY = 'system-test:marker';
export const MARKER_SETTING = `job-runs:${MARKER_KEY}`;
