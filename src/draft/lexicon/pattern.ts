/** Builds the rules' regular expressions from word lists, so that the lists stay data. */

/**
 * The words as one alternation, in the order given: where a pattern is not anchored at both ends the
 * first word that matches wins, so lists keep longer words before the shorter words they start with.
 */
export function anyOf(words: readonly string[]): string {
  return words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}
