/** Which slice of an ordered list a connection asks for. */
export interface PageRequest {
  offset: number;
  limit: number;
}

/** A slice of an ordered list, with where it starts and how long the whole list is. */
export interface Page<T> {
  items: T[];
  offset: number;
  total: number;
}
