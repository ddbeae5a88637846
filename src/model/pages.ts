/** The sizes of the API's lists, one home for the resolvers that check them and the cost limit that counts them. */
export const PAGE_SIZE = {
  /** A connection's page when `first` is not given. */
  default: 20,
  /** The largest page a connection or search serves; more is an error, never a silent truncation. */
  max: 100,
  /** A neighborhood's node limit when not given, and its largest. */
  neighborhood: 200,
  neighborhoodMax: 500,
} as const;
