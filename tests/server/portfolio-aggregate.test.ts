import { portfolioAggregateSuite } from './portfolio-aggregate.suite';

portfolioAggregateSuite('pglite');
