import { describe, expect, it } from 'vitest';
import { describeAnswer, size } from '../../web/playground/answer.js';
import { linkTo, readLink } from '../../web/playground/link.js';
import { operationToRun } from '../../web/playground/operation.js';

describe("the playground's operation name", () => {
  it('keeps the chosen operation while the document still defines it', () => {
    expect(operationToRun('query A { a } query B { b }', 'B')).toBe('B');
    expect(operationToRun('query A { a }', 'A')).toBe('A');
  });

  it('never sends a name the document no longer has: the only operation, named or not, else none', () => {
    expect(operationToRun('{ stats { total } }', 'GroupAndHospitals')).toBeUndefined();
    expect(operationToRun('query Counts { stats { total } }', 'GroupAndHospitals')).toBe('Counts');
    expect(operationToRun('query A { a } query B { b }', 'Gone')).toBeUndefined();
    expect(operationToRun('{ a }', null)).toBeUndefined();
  });

  it('sends none with a document that does not parse, and leaves fragments out of the count', () => {
    expect(operationToRun('{ a ', 'A')).toBeUndefined();
    expect(operationToRun('query A { ...F } fragment F on Query { a }', undefined)).toBe('A');
  });
});

describe("the playground's shared links", () => {
  const origin = 'http://localhost:4000';

  it('carries the query, compact variables and the operation name, and reads them back laid out', () => {
    const link = linkTo(origin, {
      query: 'query S($q: String!) { search(query: $q) { score } }',
      variables: '{\n  "q": "寿阳县"\n}',
      operationName: 'S',
    });
    expect(link.startsWith(`${origin}/graphql?query=`)).toBe(true);
    const url = new URL(link);
    expect(url.searchParams.get('variables')).toBe('{"q":"寿阳县"}');
    expect(readLink(url.search)).toEqual({
      query: 'query S($q: String!) { search(query: $q) { score } }',
      variables: '{\n  "q": "寿阳县"\n}',
      operationName: 'S',
    });
  });

  it('leaves out empty variables and a missing name, and keeps variables that do not parse as written', () => {
    expect(new URL(linkTo(origin, { query: '{ a }', variables: '  {}  ' })).search).toBe('?query=%7B+a+%7D');
    expect(new URL(linkTo(origin, { query: '{ a }', variables: '{ "q": ' })).searchParams.get('variables')).toBe('{ "q":');
    expect(readLink('?variables=%7B%7D')).toBeUndefined();
    expect(readLink('?query=%7B+a+%7D')).toEqual({ query: '{ a }' });
  });
});

describe("the playground's status line", () => {
  it('says status, time and size', () => {
    expect(describeAnswer({ status: 200, ms: 182.4, bytes: 3482 })).toBe('200 · 182 ms · 3.4 KB');
    expect(size(512)).toBe('512 B');
    expect(size(5 * 1024 * 1024)).toBe('5.0 MB');
  });
});
