/** The playground page the server renders (the explorer and dashboard are built from web/ by Vite). */

const page = (title: string, head: string, body: string) => `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
${head}
</head>
<body>
${body}
</body>
</html>
`;

/** A thin bar linking the three pages; GraphiQL fills the rest. */
const NAV_STYLE = `html,body{height:100%;margin:0}body{display:flex;flex-direction:column}#graphiql{flex:1;min-height:0}
nav.pages{display:flex;gap:16px;align-items:center;padding:4px 12px;background:#1f3b57;font:13px system-ui,sans-serif}
nav.pages a{color:#cfe3ff}nav.pages a[aria-current]{color:#fff;font-weight:600;text-decoration:none}`;

export const playgroundPage = page(
  'Health graph · GraphQL playground',
  `<link rel="stylesheet" href="/assets/graphiql.css">\n<style>${NAV_STYLE}</style>`,
  `<nav class="pages" aria-label="Pages"><a href="/graphql" aria-current="page">GraphQL playground</a><a href="/explore">Explorer</a><a href="/dashboard">Dashboard</a></nav>
<div id="graphiql">Loading the playground…</div>
<script src="/assets/react.js"></script>
<script src="/assets/react-dom.js"></script>
<script src="/assets/graphiql.js"></script>
<script src="/assets/playground.js"></script>`,
);
