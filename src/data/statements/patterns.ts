/**
 * Variable-length steps written once: how far up the place hierarchy and down an organization tree
 * statements walk. Both engines need a fixed upper bound on a variable-length pattern.
 */
export const PLACE_PATH = {
  /** A place and every place it lies in (country → region → province → city → county → town → village). */
  selfAndUp: '*0..8',
  /** Every place a place lies in. */
  up: '*1..8',
};

/** Every organization below another along PART_OF. */
export const ORG_TREE = '*1..10';

/** From a node to the place `p` it is located in or below. */
export const IN_PLACE = `-[:LOCATED_IN]->(:Place)-[:PART_OF${PLACE_PATH.selfAndUp}]->(p)`;
