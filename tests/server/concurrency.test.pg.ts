import { createTestServer } from '@server/testing';
import { defineConcurrentIncrements } from './concurrency';

// Real PostgreSQL runs the writers truly in parallel, so this is where the 412 path is exercised.
defineConcurrentIncrements(() => createTestServer({ database: 'postgres' }), 20, 50);
