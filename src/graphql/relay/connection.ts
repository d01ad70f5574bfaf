import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { Page } from './page';

@ObjectType({ description: 'Where a page of a connection ends, and whether more follows.' })
export class PageInfo {
  @Field({ description: 'True when another page follows this one.' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass it as `after` for the next page.' })
  endCursor: string | null;
}

export interface ConnectionShape<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: () => Promise<number>;
}

/** Builds `<Name>Connection` and `<Name>Edge` types for a node type (Relay cursor connections). */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string, plural: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name.toLowerCase()} in a page, with its cursor.` })
  class Edge {
    @Field({ description: 'Opaque position of this edge; pass it as `after` to continue after it.' })
    cursor: string;

    @Field(() => nodeType, { description: `The ${name.toLowerCase()}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${plural}.` })
  class ConnectionType {
    @Field(() => [Edge], { description: `The ${plural} of this page with their cursors.` })
    edges: Edge[];

    @Field(() => [nodeType], { description: `The ${plural} of this page.` })
    nodes: T[];

    @Field(() => PageInfo, { description: 'Where this page ends.' })
    pageInfo: PageInfo;

    // A function: graphql-js calls it only when the query selects `totalCount`.
    @Field(() => Int, { description: `How many ${plural} match in all, across every page.` })
    totalCount: number;
  }
  return ConnectionType;
}

/** Shapes a page of rows as a connection, with each row's cursor. */
export function toConnection<R, T>(page: Page<R>, node: (row: R) => T, cursor: (row: R) => string): ConnectionShape<T> {
  const edges = page.rows.map((row) => ({ cursor: cursor(row), node: node(row) }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    totalCount: page.totalCount,
  };
}
