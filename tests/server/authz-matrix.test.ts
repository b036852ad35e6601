import { authzMatrixSuite } from './authz-matrix.suite';

authzMatrixSuite('pglite');
