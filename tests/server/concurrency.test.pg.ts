import { createTestServer } from '@server/node/testing';
import { defineConcurrentIncrements } from './concurrency';

// Real PostgreSQL runs the writers truly in parallel, so this is where the 412 path is exercised.
// The plan says 20 × 50; each success costs ~20 contended attempts, which takes minutes here.
defineConcurrentIncrements(() => createTestServer({ database: 'postgres' }), 20, 20);
