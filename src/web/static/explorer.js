// The graph explorer: search, draw a neighborhood, expand nodes, read evidence. It uses the GraphQL API only.
const COLORS = {
  ORGANIZATION: '#2f6db5', PROGRAM: '#2e9d57', ACHIEVEMENT: '#d08a1c', PERSON: '#a2479e',
  PLACE: '#6b7b8c', POLICY: '#b8433b', EVENT: '#1a9aa0', REPORT: '#555555',
};

async function graphql(query, variables) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const { data, errors } = await response.json();
  if (errors) throw new Error(errors.map((e) => e.message).join('; '));
  return data;
}

const SEARCH = `query Search($query: String!) { search(query: $query, first: 15) { type matchedField matchedText node { id name } } }`;
const NEIGHBORHOOD = `query Neighborhood($id: ID!) { neighborhood(id: $id, depth: 1, limit: 80) {
  nodes { id type name kind } edges { id type source target } } }`;
const DETAILS = `query Details($id: ID!) { node(id: $id) { id ... on Entity { __typename name aliases description
  evidence { quote report { id title } }
  links { type direction node { id name } evidence { quote report { id } } } }
  ... on Organization { orgKind: kind achievements(first: 20, includeDescendants: true) { totalCount edges { node { statement evidence { quote report { id } } } } } }
  ... on Achievement { achievementKind: kind statement value unit year original masked lost } } }`;

const escape = (text) => String(text ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

const cy = cytoscape({
  container: document.getElementById('graph'),
  style: [
    { selector: 'node', style: { 'background-color': 'data(color)', label: 'data(name)', 'font-size': 10, 'text-wrap': 'ellipsis', 'text-max-width': 120, width: 22, height: 22 } },
    { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#222' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f5b700' } },
    { selector: 'edge', style: { width: 1.5, 'line-color': '#b5c3d1', 'target-arrow-color': '#b5c3d1', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', label: 'data(type)', 'font-size': 7, color: '#778' } },
  ],
  wheelSensitivity: 0.3,
});
window.cy = cy; // for the browser tests and for analysts at the console

async function expand(id) {
  const { neighborhood } = await graphql(NEIGHBORHOOD, { id });
  if (!neighborhood) return;
  cy.batch(() => {
    for (const n of neighborhood.nodes) {
      if (cy.getElementById(n.id).empty()) cy.add({ group: 'nodes', data: { id: n.id, name: n.name, type: n.type, color: COLORS[n.type] } });
    }
    for (const e of neighborhood.edges) {
      if (cy.getElementById(e.id).empty()) cy.add({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, type: e.type } });
    }
  });
  cy.getElementById(id).addClass('expanded');
  cy.layout({ name: 'cose', animate: false, randomize: false, nodeRepulsion: 9000 }).run();
  document.body.dataset.state = 'drawn';
}

async function showDetails(id) {
  const { node } = await graphql(DETAILS, { id });
  const panel = document.getElementById('details');
  if (!node) return void (panel.innerHTML = '<p>Not found.</p>');
  const type = node.__typename.toUpperCase();
  const quote = (e) => `<blockquote>${escape(e.quote)}<cite>${escape(e.report.title ?? e.report.id)}</cite></blockquote>`;
  node.kind = node.orgKind ?? node.achievementKind;
  const props = ['kind', 'statement', 'value', 'unit', 'year', 'original'].filter((k) => node[k] !== undefined && node[k] !== null)
    .map((k) => `<dt>${k}</dt><dd>${escape(node[k])}</dd>`).join('');
  const achievements = node.achievements
    ? `<h3>Achievements (${node.achievements.totalCount})</h3><ul>${node.achievements.edges.map(({ node: a }) => `<li>${escape(a.statement)}</li>`).join('')}</ul>`
    : '';
  panel.innerHTML = `<span class="type" style="background:${COLORS[type]}">${type}</span>
    <h2>${escape(node.name)}</h2>
    ${node.aliases.length ? `<p>Also: ${node.aliases.map(escape).join('、')}</p>` : ''}
    ${node.description ? `<p>${escape(node.description)}</p>` : ''}
    <dl>${props}</dl>
    <h3>Evidence</h3>${node.evidence.map(quote).join('') || '<p class="hint">(a report)</p>'}
    ${achievements}
    <h3>Relationships (${node.links.length})</h3>
    <ul>${node.links.map((l) => `<li>${l.direction === 'OUT' ? '→' : '←'} ${l.type} ${escape(l.node.name)}</li>`).join('')}</ul>`;
  panel.dataset.id = id;
}

cy.on('tap', 'node', async (event) => {
  const id = event.target.id();
  await Promise.all([expand(id), showDetails(id)]);
});

let pending;
document.getElementById('search').addEventListener('input', (event) => {
  clearTimeout(pending);
  const text = event.target.value.trim();
  pending = setTimeout(async () => {
    const list = document.getElementById('results');
    if (!text) return void (list.innerHTML = '');
    const { search } = await graphql(SEARCH, { query: text });
    list.innerHTML = search.map((r) => `<li data-id="${escape(r.node.id)}"><span class="type" style="background:${COLORS[r.type]}">${r.type}</span>
      ${escape(r.node.name)}<small>${r.matchedField}: ${escape(r.matchedText)}</small></li>`).join('');
  }, 250);
});

document.getElementById('results').addEventListener('click', async (event) => {
  const item = event.target.closest('li[data-id]');
  if (!item) return;
  cy.elements().remove();
  await Promise.all([expand(item.dataset.id), showDetails(item.dataset.id)]);
  cy.getElementById(item.dataset.id).select();
});
