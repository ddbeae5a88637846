/** What an answer cost: its HTTP status, the time from sending to its last byte, and its size. */
export interface Answer {
  status: number;
  ms: number;
  bytes: number;
}

let last: Answer | undefined;
const listeners = new Set<() => void>();

/** The last answer to an operation run from the editor (undefined before the first, or after a tab change). */
export const lastAnswer = () => last;

export function setAnswer(answer: Answer | undefined): void {
  last = answer;
  for (const listener of listeners) listener();
}

/** Calls `listener` on every new answer; returns the function that stops it (React's `useSyncExternalStore` shape). */
export function onAnswer(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** "512 B", "3.4 KB", "1.2 MB". */
export function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  return kb < 1024 ? `${kb.toFixed(1)} KB` : `${(kb / 1024).toFixed(1)} MB`;
}

/** "200 · 182 ms · 3.4 KB". */
export const describeAnswer = (a: Answer) => `${a.status} · ${Math.round(a.ms)} ms · ${size(a.bytes)}`;
