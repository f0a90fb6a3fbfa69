/**
 * Real old Chromium builds for the browser-floor tests: the headless Chromium 78 and 86 that the
 * npm packages chrome-aws-lambda 1.20.4 and 5.3.1 ship (brotli-compressed Amazon Linux builds),
 * unpacked once into node_modules/.cache/old-chromium/, and driven by a puppeteer-core of their
 * era (2.1.1 for 78, 5.3.1 for 86).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(path.join(root, 'package.json'));

/** The old engines: the package holding each build and the puppeteer-core that drives it. */
export const oldEngines = [
  { major: 78, binaries: 'chrome-aws-lambda-78', driver: 'puppeteer-core-2' },
  { major: 86, binaries: 'chrome-aws-lambda-86', driver: 'puppeteer-core-5' },
] as const;
export type OldEngine = (typeof oldEngines)[number];

/** The parts of puppeteer-core's API (2.x and 5.x alike) these tests use. */
export interface OldPage {
  goto(url: string, options?: { waitUntil?: string; timeout?: number }): Promise<unknown>;
  evaluate<T>(fn: string | ((...args: never[]) => T), ...args: unknown[]): Promise<T>;
  waitForFunction(
    fn: string | ((...args: never[]) => unknown),
    options?: { timeout?: number; polling?: number | string },
    ...args: unknown[]
  ): Promise<unknown>;
  setOfflineMode(offline: boolean): Promise<void>;
  evaluateOnNewDocument(source: string): Promise<void>;
  reload(options?: { waitUntil?: string }): Promise<unknown>;
  setRequestInterception(on: boolean): Promise<void>;
  on(event: 'request', handler: (request: OldRequest) => void): void;
  on(event: 'pageerror', handler: (error: Error) => void): void;
  on(event: 'console', handler: (message: { type(): string; text(): string }) => void): void;
  close(): Promise<void>;
}
/** An intercepted request (puppeteer-core 2 and 5). */
export interface OldRequest {
  url(): string;
  continue(): Promise<void>;
  respond(response: { status: number; headers: Record<string, string>; body: Buffer }): Promise<void>;
}
export interface OldBrowser {
  version(): Promise<string>;
  newPage(): Promise<OldPage>;
  createIncognitoBrowserContext(): Promise<{ newPage(): Promise<OldPage>; close(): Promise<void> }>;
  close(): Promise<void>;
}

/** Unpacks the engine's build (once) and returns its folder: `chromium`, `lib/`, `swiftshader/`. */
export function unpack(engine: OldEngine): string {
  const bin = path.join(path.dirname(require.resolve(`${engine.binaries}/package.json`)), 'bin');
  const dir = path.join(root, 'node_modules/.cache/old-chromium', String(engine.major));
  const done = path.join(dir, '.unpacked');
  if (existsSync(done)) return dir;
  mkdirSync(path.join(dir, 'swiftshader'), { recursive: true });
  const inflate = (file: string) => brotliDecompressSync(readFileSync(path.join(bin, file)));
  writeFileSync(path.join(dir, 'chromium'), inflate('chromium.br'));
  chmodSync(path.join(dir, 'chromium'), 0o755);
  // aws.tar: NSS and other libraries Amazon Linux lacks; swiftshader.tar: software GL, which
  // Chromium looks for in swiftshader/ beside itself.
  execFileSync('tar', ['-x', '-C', dir], { input: inflate('aws.tar.br') });
  execFileSync('tar', ['-x', '-C', path.join(dir, 'swiftshader')], { input: inflate('swiftshader.tar.br') });
  writeFileSync(done, `${engine.binaries}\n`);
  return dir;
}

/** Launches the engine headless: no sandbox and no zygote (as root, in a container). */
export async function launchOld(engine: OldEngine): Promise<OldBrowser> {
  const dir = unpack(engine);
  const puppeteer = require(engine.driver) as { launch(o: Record<string, unknown>): Promise<OldBrowser> };
  return puppeteer.launch({
    executablePath: path.join(dir, 'chromium'),
    // Its own NSS before Debian's; Debian's fontconfig and CJK fonts.
    env: { ...process.env, LD_LIBRARY_PATH: path.join(dir, 'lib') },
    args: [
      '--no-sandbox',
      '--no-zygote',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    headless: true,
    timeout: 60_000,
  });
}
