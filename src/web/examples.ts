import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** A ready operation for the playground: a tab with its query and variables. */
export interface Example {
  title: string;
  query: string;
  variables?: string;
}

/**
 * The playground's opening tabs, from `src/web/examples/*.graphql`. A file's first line is its title
 * (`# title`); a line `# variables: {…}` gives the tab's variables.
 */
export function loadExamples(dir = join(import.meta.dirname, 'examples')): Example[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const title = /^# (.+)$/m.exec(text)?.[1] ?? file;
      const variables = /^# variables: (.+)$/m.exec(text)?.[1];
      return { title, query: text, ...(variables ? { variables: JSON.stringify(JSON.parse(variables), null, 2) } : {}) };
    });
}
