import { serverSuite } from './support/server-suite';

serverSuite('memory');
