import { NODE_LABELS, type NodeLabel } from '../model/graph.js';
import type { EntityType } from '../generated/graphql.js';

/** GraphQL's entity types are the node labels in capitals. */
export const labelOfType = (type: EntityType): NodeLabel => NODE_LABELS.find((l) => l.toUpperCase() === type)!;
export const typeOfLabel = (label: string): EntityType => label.toUpperCase() as EntityType;
