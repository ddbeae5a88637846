// Monaco's editor, JSON and GraphQL workers, bundled by Vite and served from this server like the rest.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import '../shared/base.css';
import './playground.css';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { createRoot } from 'react-dom/client';
import { mountChrome } from '../shared/chrome.js';
import { $ } from '../shared/dom.js';
import { repairAccessibility } from './accessibility.js';
import { playgroundFetcher } from './fetcher.js';
import { readLink } from './link.js';
import { AnswerStatus, CopyLinkButton, SelectOperation } from './tools.js';

/** A ready operation of `src/web/examples/`, as /playground/examples.json serves it. */
interface Example {
  title: string;
  query: string;
  variables?: string;
}

mountChrome('playground');
const examples = (await (await fetch('/playground/examples.json')).json()) as Example[];
const tabs = examples.map(({ query, variables }) => ({ query, variables }));
// A shared link opens its operation in a tab of its own, in front of the examples.
const linked = readLink(location.search);
const first = linked ?? tabs[0];
// The builder's "Add new" query, mutation or subscription form is left out: the API answers queries only.
const plugins = [HISTORY_PLUGIN, explorerPlugin({ hideActions: true })];

const root = $('#graphiql');
repairAccessibility(root);
createRoot(root).render(
  <GraphiQL
    fetcher={playgroundFetcher('/graphql')}
    plugins={plugins}
    defaultTabs={linked ? [linked, ...tabs] : tabs}
    // GraphiQL opens its first tab from these, not from defaultTabs' first entry: without them its variables stay empty.
    initialQuery={first?.query}
    initialVariables={first?.variables}
    defaultEditorToolsVisibility
  >
    <GraphiQL.Toolbar>
      {({ prettify, copy, merge }) => (
        <>
          {prettify}
          {merge}
          {copy}
          <CopyLinkButton />
        </>
      )}
    </GraphiQL.Toolbar>
    <GraphiQL.Footer>
      <AnswerStatus />
      {linked?.operationName && <SelectOperation name={linked.operationName} />}
    </GraphiQL.Footer>
  </GraphiQL>,
);
