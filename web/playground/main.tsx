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

/** A tab's contents, as GraphiQL opens and keeps them. */
interface TabContents {
  query?: string;
  variables?: string;
}

/**
 * The tab that was in front when the page was last left, from where GraphiQL keeps the open tabs
 * between visits (its storage's namespace and key); undefined on a first visit.
 */
function tabInFront(): TabContents | undefined {
  try {
    const kept = JSON.parse(localStorage.getItem('graphiql:tabState') ?? 'null') as { activeTabIndex: number; tabs: (TabContents | null)[] } | null;
    const tab = kept?.tabs[kept.activeTabIndex];
    return tab ? { query: tab.query ?? undefined, variables: tab.variables ?? undefined } : undefined;
  } catch {
    return undefined;
  }
}

mountChrome('playground');
const examples = (await (await fetch('/playground/examples.json')).json()) as Example[];
const tabs = examples.map(({ query, variables }) => ({ query, variables }));
// A shared link opens its operation in a tab of its own, in front of the examples (or after the tabs
// kept from earlier visits). Otherwise a first visit opens the first example, a later one the tab in front.
const linked = readLink(location.search);
const first: TabContents | undefined = linked ?? tabInFront() ?? tabs[0];
// The builder's "Add new" query, mutation or subscription form is left out: the API answers queries only.
const plugins = [HISTORY_PLUGIN, explorerPlugin({ hideActions: true })];

const root = $('#graphiql');
repairAccessibility(root);
createRoot(root).render(
  <GraphiQL
    fetcher={playgroundFetcher('/graphql')}
    plugins={plugins}
    defaultTabs={linked ? [linked, ...tabs] : tabs}
    // GraphiQL opens the tab holding these (adding one when none does), and fills the editors from them:
    // without them a first tab's variables stay empty, and a kept tab whose variables were never edited is
    // not found (GraphiQL matches the last query edited with the last variables edited).
    initialQuery={first?.query}
    initialVariables={first?.variables}
    defaultEditorToolsVisibility
    // Light, as the other pages are: Monaco's dark theme draws line numbers and comments below 4.5:1.
    forcedTheme="light"
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
