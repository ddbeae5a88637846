import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { ERROR_MEANINGS } from '../../src/errors/codes.js';

const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');

describe('the README', () => {
  it('lists every error code a client can see, with what it means', () => {
    const table = readme.slice(readme.indexOf('| code | meaning |')).split('\n\n')[0]!;
    const rows = [...table.matchAll(/^\| `([A-Z_]+)` \| (.+) \|$/gm)].map(([, code, meaning]) => [code, meaning]);
    expect(Object.fromEntries(rows)).toEqual(ERROR_MEANINGS);
  });
});
