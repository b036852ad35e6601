import { createTestServer } from '@server/testing';
import { defineContractScenarios } from './scenarios';

/** The contract scenarios against the real server on PostgreSQL (DATABASE_URL, own schema). */
defineContractScenarios(() => createTestServer({ database: 'postgres' }));
