import { createTestServer } from '@server/node/testing';
import { defineMilestoneConflict } from './milestone-concurrency';

// Real PostgreSQL runs the two writers truly in parallel.
defineMilestoneConflict(() => createTestServer({ database: 'postgres' }));
