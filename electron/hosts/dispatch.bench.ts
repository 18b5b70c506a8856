import { bench, describe } from 'vitest';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';

// What the contract's runtime validation and error envelope cost per call, against calling
// the handler directly. Later benchmarks (tables, scans, export) join this suite.
const handlers = createHandlers({
  identity: { name: 'Cloudshelf', version: '0.0.0', host: 'cli' },
  env: {},
});

describe('API call overhead (app.info)', () => {
  bench('baseline: handler called directly', async () => {
    await handlers['app.info']({}, { host: 'cli' });
  });
  bench('dispatch: validate arguments, run, wrap the outcome', async () => {
    await dispatch(handlers, 'app.info', {}, { host: 'cli' });
  });
});
