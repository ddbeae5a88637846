import { compileCuration } from './src/curation/compile.js';
const r = compileCuration({ write: false } as never);
for (const n of (r as any).graph.nodes.values()) if (n.label === 'Place') console.log(n.props.level, n.id, n.props.code ?? '-', n.props.nameEn);
