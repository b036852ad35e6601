import type { RegisteredJob } from './define';

/**
 * The kinds the server's worker runs. Period reminders and report PDFs (issue 12) register here;
 * a kind missing from a running instance is left for an instance that knows it.
 */
export const JOBS: readonly RegisteredJob[] = [];
