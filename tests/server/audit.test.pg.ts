import { createTestServer } from '@server/testing';
import { defineAuditSuite } from './audit';

defineAuditSuite(() => createTestServer({ database: 'postgres' }));
