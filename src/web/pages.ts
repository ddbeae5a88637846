/** The two pages the server renders: the GraphQL playground and the graph explorer. */

const page = (title: string, head: string, body: string) => `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${head}
</head>
<body>
${body}
</body>
</html>
`;

export const playgroundPage = page(
  'Health graph · GraphQL playground',
  '<link rel="stylesheet" href="/assets/graphiql.css">\n<style>html,body,#graphiql{height:100%;margin:0}</style>',
  `<div id="graphiql">Loading the playground…</div>
<script src="/assets/react.js"></script>
<script src="/assets/react-dom.js"></script>
<script src="/assets/graphiql.js"></script>
<script src="/assets/playground.js"></script>`,
);

export const explorerPage = page(
  'Health graph · Explorer',
  '<link rel="stylesheet" href="/assets/explorer.css">',
  `<header>
  <strong>Health graph explorer</strong>
  <input id="search" type="search" placeholder="搜索机构、项目、地区… (e.g. 寿阳县医疗集团)" autocomplete="off">
  <a href="/graphql">GraphQL playground</a>
</header>
<main>
  <ol id="results"></ol>
  <div id="graph"></div>
  <aside id="details"><p class="hint">Search for a name, pick a result, then click nodes to expand them.</p></aside>
</main>
<script src="/assets/cytoscape.js"></script>
<script src="/assets/explorer.js"></script>`,
);
