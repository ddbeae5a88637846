import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { dirname, join } from 'node:path';
import type { DumpNode, DumpRelationship } from './dump.js';

/**
 * A file of a dump written as it is read: each chunk waits for the disk when the stream's buffer is
 * full, so the dump holds a page at a time, never the file.
 */
export class TextFile {
  private readonly stream: WriteStream;
  private failed?: Error;

  /** `path` relative to the dump's folder `dir`; its folders are made. */
  constructor(
    dir: string,
    readonly path: string,
  ) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    this.stream = createWriteStream(file);
    // Kept for the next write or the close to throw: a stream error with no listener would end the process.
    this.stream.on('error', (error) => (this.failed ??= error));
  }

  async write(chunk: string): Promise<void> {
    if (this.failed) throw this.failed;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.stream.end();
    await finished(this.stream);
  }
}

/** What each format's writer does with the pages of a dump. */
export interface DumpWriter {
  nodes(page: readonly DumpNode[]): Promise<void>;
  relationships(page: readonly DumpRelationship[]): Promise<void>;
  /** Finishes the files; returns the paths written, relative to the dump's folder. */
  close(): Promise<string[]>;
}
