import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import type { TestProject } from 'vitest/node';
import { serve } from '../../scripts/serve.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const dist = path.resolve(import.meta.dirname, '../../dist');

/** Serves the built site once for every browser test. */
export default async function setup(project: TestProject) {
  if (!existsSync(path.join(dist, 'index.html'))) {
    throw new Error('dist/ has no built site. Run `npm run build` before the browser tests (`npm test` does both).');
  }
  // The bank portals of embed.test.ts run on localhost, and the same-site host of details.test.ts
  // on 127.0.0.1, each at a port picked per run, and frame the iframe route: let them, as a bank
  // lists its portal in `embedOrigins`.
  const server: Server = await serve(dist, 0, { embedOrigins: ['http://localhost:*', 'http://127.0.0.1:*'] });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
}
