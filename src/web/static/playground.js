// The GraphQL playground: GraphiQL (docs, autocompletion, history) opening with the analysts' examples as tabs.
(async () => {
  const examples = await (await fetch('/playground/examples.json')).json();
  const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultTabs: examples.map((e) => ({ query: e.query, variables: e.variables })),
      // GraphiQL opens its first tab from these, not from defaultTabs' first entry: without them its variables stay empty.
      query: examples[0]?.query,
      variables: examples[0]?.variables,
      defaultEditorToolsVisibility: true,
    }),
  );
})();
