import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { create as createTar } from 'tar';
import { GraphLoadingError } from '../data/version.js';
import { ErrorCode } from '../errors/codes.js';
import { exportGraph, type VersionSource } from '../export/export.js';
import type { GraphStore } from '../graph/store.js';
import { COMMON_HEADERS, sendError } from '../http/respond.js';
import { CACHE_HOUR, CACHE_REVALIDATE } from './assets.js';

export const DOWNLOADS_PREFIX = '/downloads/';
/** The stable address the pages link to: it redirects to the current graph's dump. */
export const LATEST_DUMP = `${DOWNLOADS_PREFIX}health-graph.tar.gz`;

/** The dump's file name: the graph's version (its first twelve characters, as safe in a name) in it. */
export const dumpName = (version: string) => `health-graph-${version.replace(/[^\w.-]/g, '_').slice(0, 12)}.tar.gz`;

/**
 * Exports the graph into `folder/<name without .tar.gz>/` and packs that folder into `folder/<name>`
 * (gzipped tar), removing the unpacked files; returns the archive's path.
 */
export async function writeArchive(store: GraphStore, version: VersionSource, folder: string, name: string): Promise<string> {
  const dumpDir = name.replace(/\.tar\.gz$/, '');
  rmSync(join(folder, dumpDir), { recursive: true, force: true });
  try {
    await exportGraph(store, version, join(folder, dumpDir));
    await createTar({ gzip: true, cwd: folder, file: join(folder, name), portable: true }, [dumpDir]);
  } finally {
    rmSync(join(folder, dumpDir), { recursive: true, force: true });
  }
  return join(folder, name);
}

interface Archive {
  version: string;
  name: string;
  built: Promise<{ path: string; bytes: number; modified: Date }>;
}

/**
 * The bulk dump served at `/downloads/health-graph-<version>.tar.gz` (`npm run export`'s files in one
 * gzipped tar): built once per graph version, on first request, into a temporary folder of its own, and
 * streamed from there; the previous version's is removed when a new one is built.
 */
export class Downloads {
  private folder?: string;
  private current?: Archive;

  constructor(
    private readonly store: GraphStore,
    private readonly version: VersionSource,
  ) {}

  private build(version: string, name: string): Archive['built'] {
    this.folder ??= mkdtempSync(join(tmpdir(), 'health-graph-downloads-'));
    return writeArchive(this.store, this.version, this.folder, name).then((path) => {
      const { size, mtime } = statSync(path);
      return { path, bytes: size, modified: mtime };
    });
  }

  /** The archive of `version`, built when it is not yet (a failed build is tried again on the next request). */
  private archive(version: string): Archive['built'] {
    if (this.current?.version === version) return this.current.built;
    const previous = this.current;
    const name = dumpName(version);
    const archive: Archive = { version, name, built: this.build(version, name) };
    this.current = archive;
    archive.built.then(
      () => previous && rmSync(join(this.folder!, previous.name), { force: true }),
      () => {
        if (this.current === archive) this.current = previous;
      },
    );
    return archive.built;
  }

  /** Answers a GET or HEAD under /downloads/. */
  async serve(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    let version: string;
    try {
      version = await this.version.get();
    } catch (error) {
      if (!(error instanceof GraphLoadingError)) throw error;
      return sendError(res, 503, ErrorCode.DATABASE_UNAVAILABLE, 'The graph is being reseeded: its dump can be downloaded once it is loaded.', {
        'retry-after': '10',
      });
    }
    const name = dumpName(version);
    if (pathname === LATEST_DUMP) {
      res.writeHead(302, { ...COMMON_HEADERS, location: `${DOWNLOADS_PREFIX}${name}`, 'cache-control': CACHE_REVALIDATE });
      return void res.end();
    }
    if (pathname !== `${DOWNLOADS_PREFIX}${name}`)
      return sendError(res, 404, ErrorCode.NOT_FOUND, `No download at ${pathname}: the current graph's dump is ${DOWNLOADS_PREFIX}${name}`);
    const { path, bytes, modified } = await this.archive(version);
    res.writeHead(200, {
      ...COMMON_HEADERS,
      'content-type': 'application/gzip',
      'content-length': String(bytes),
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': CACHE_HOUR,
      'last-modified': modified.toUTCString(),
    });
    if (req.method === 'HEAD') return void res.end();
    await pipeline(createReadStream(path), res);
  }

  /** Removes the archives. */
  close(): void {
    if (this.folder) rmSync(this.folder, { recursive: true, force: true });
  }
}
