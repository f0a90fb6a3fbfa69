import { existsSync } from 'node:fs';
import path from 'node:path';
import { dist } from '../e2e/dist';

/** The tests of the built site (test/dist/) fail at once, rather than skip, when there is none. */
export default function setup() {
  if (!existsSync(path.join(dist, 'index.html'))) {
    throw new Error(
      'dist/ has no built site. Run `npm run build` before the tests of the built site (`npm test` does both).',
    );
  }
}
