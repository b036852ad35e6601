import { authzMatrixSuite } from './authz-matrix.suite';

// `npm run test:postgres`: the same suite against a real PostgreSQL (DATABASE_URL).
authzMatrixSuite('postgres');
