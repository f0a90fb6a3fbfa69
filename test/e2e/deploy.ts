import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '../../scripts/serve.mjs';
import { buildServiceWorker } from '../../scripts/build/service-worker.mjs';
import { dist } from './dist';

/** A copy of the built site on its own server and origin, which a test can redeploy. */
export interface ServedCopy {
  /** The copy's folder. */
  dir: string;
  /** Its origin, e.g. http://127.0.0.1:40123 */
  url: string;
  /**
   * Deploys a new version: copies each page folder in `add` from another (`{ to: from }`),
   * removes the folders in `remove`, then generates sw.js over the result as the build does.
   */
  deploy(changes: { add?: Record<string, string>; remove?: string[] }): Promise<void>;
  /** Stops the server and removes the folder. */
  close(): Promise<void>;
}

/** Copies dist/ to a temporary folder and serves it, as a host would, on a free port. */
export async function servedCopy(): Promise<ServedCopy> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pos-help-deploy-'));
  cpSync(dist, dir, { recursive: true });
  const server: Server = await serve(dir, 0);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    dir,
    url,
    async deploy({ add = {}, remove = [] }) {
      for (const [to, from] of Object.entries(add)) {
        mkdirSync(path.join(dir, to), { recursive: true });
        cpSync(path.join(dir, from), path.join(dir, to), { recursive: true });
      }
      for (const folder of remove) rmSync(path.join(dir, folder), { recursive: true, force: true });
      await buildServiceWorker(pathToFileURL(`${dir}/`), { info: () => {} });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        // close() waits for open connections: a browser's keep-alive or a proxied download cut
        // short would hold it (an afterAll hook timed out so in CI).
        server.closeAllConnections();
      }),
  };
}
