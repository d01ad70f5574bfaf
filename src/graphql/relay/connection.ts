import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { Page } from '../../shared/paging/page';

@ObjectType({ description: 'Where a page of a connection starts and ends, and whether more rows follow or precede it (Relay cursor connections).' })
export class PageInfo {
  @Field({ description: 'True when rows follow this page. Exact when paging with `first`; with `last`, true when the `before` cursor\'s row is still in the list.' })
  hasNextPage: boolean;

  @Field({ description: 'True when rows precede this page. Exact when paging with `last`; with `first`, true when the `after` cursor\'s row is still in the list.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge; pass it as `before` for the page before. Null for an empty page.' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass it as `after` for the next page. Null for an empty page.' })
  endCursor: string | null;
}

export interface ConnectionShape<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: PageInfo;
  /** Counted only when read, that is, when the query selects `totalCount`. */
  readonly totalCount: Promise<number>;
}

/** Builds the `<Name>Edge` type and the base of `<Name>Connection` for a node type (Relay cursor connections). */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string, plural: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name.toLowerCase()} in a page, with its cursor.` })
  class Edge {
    @Field({ description: 'Opaque position of this edge; pass it as `after` to continue after it, or as `before` to page back from it.' })
    cursor: string;

    @Field(() => nodeType, { description: `The ${name.toLowerCase()}.` })
    node: T;
  }

  // A base only: each module declares its concrete `<Name>Connection` subclass. Types that no
  // field refers to are left out of the schema, so this base never appears in it.
  @ObjectType(`${name}ConnectionBase`)
  abstract class ConnectionType {
    @Field(() => [Edge], { description: `The ${plural} of this page with their cursors.` })
    edges: Edge[];

    @Field(() => [nodeType], { description: `The ${plural} of this page.` })
    nodes: T[];

    @Field(() => PageInfo, { description: 'Where this page starts and ends.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: `How many ${plural} match in all, across every page.` })
    totalCount: number;
  }
  return ConnectionType;
}

/**
 * Shapes a page of rows as a connection. Cursors are written only when the query reads them
 * (edges, or pageInfo's start and end): a nested page of items usually asks for nodes alone.
 */
export function toConnection<T>(page: Page<T>, cursor: (row: T) => string): ConnectionShape<T> {
  const { rows } = page;
  let edges: Array<{ cursor: string; node: T }> | undefined;
  return {
    get edges() {
      return (edges ??= rows.map((row) => ({ cursor: cursor(row), node: row })));
    },
    nodes: rows,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      get startCursor() {
        return rows.length ? cursor(rows[0]) : null;
      },
      get endCursor() {
        return rows.length ? cursor(rows[rows.length - 1]) : null;
      },
    },
    get totalCount() {
      return page.totalCount();
    },
  };
}
