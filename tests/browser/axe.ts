import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue } from 'axe-core';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
/** axe-core's browser build, read from node_modules: it is evaluated in the page, never fetched. */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One rule a page breaks, with where: readable in a failed expectation. */
export interface Violation {
  rule: string;
  impact: ImpactValue | undefined;
  help: string;
  targets: string[];
}

/**
 * The accessibility violations axe-core finds in the page as it is now, of the given impacts (critical
 * and serious unless told): the WCAG 2.x A and AA rules and axe's best practices. axe is evaluated
 * through the browser's debugging protocol, so the page's content security policy stays as served.
 */
export async function axeViolations(page: Page, impacts: readonly ImpactValue[] = ['critical', 'serious']): Promise<Violation[]> {
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async () => {
    const { axe } = window as unknown as { axe: { run: (context: Document) => Promise<AxeResults> } };
    return axe.run(document);
  });
  return results.violations
    .filter((v) => v.impact && impacts.includes(v.impact))
    .map((v) => ({ rule: v.id, impact: v.impact ?? undefined, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}
