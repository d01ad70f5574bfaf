import {
  GraphQLError,
  Kind,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/** Introspection (`__schema`, `__type`) is left out: it is off in production and bounded by the schema. */
const isIntrospection = (name: string) => name === '__schema' || name === '__type';

/**
 * A validation rule refusing an operation whose fields nest deeper than `max`, fragments
 * expanded: `{ seizures { nodes { id } } }` is 3 deep. Each fragment's depth is measured once,
 * so a document of fragments spreading fragments costs no more than its size.
 */
export function depthLimitRule(max: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragmentDepths = new Map<string, number>();

    const depthOf = (set: SelectionSetNode | undefined, visiting: Set<string>): number => {
      let deepest = 0;
      for (const selection of set?.selections ?? []) {
        if (selection.kind === Kind.FIELD) {
          if (isIntrospection(selection.name.value)) continue;
          deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, visiting));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, visiting));
        } else {
          deepest = Math.max(deepest, fragmentDepth(context.getFragment(selection.name.value), visiting));
        }
      }
      return deepest;
    };

    const fragmentDepth = (fragment: FragmentDefinitionNode | null | undefined, visiting: Set<string>): number => {
      if (!fragment) return 0; // unknown fragment: another rule reports it
      const name = fragment.name.value;
      const known = fragmentDepths.get(name);
      if (known !== undefined) return known;
      if (visiting.has(name)) return 0; // a cycle: NoFragmentCyclesRule reports it
      visiting.add(name);
      const depth = depthOf(fragment.selectionSet, visiting);
      visiting.delete(name);
      fragmentDepths.set(name, depth);
      return depth;
    };

    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, new Set());
        if (depth > max) {
          context.reportError(new GraphQLError(
            `The ${operation.name ? `operation ${operation.name.value}` : 'operation'} nests fields ${depth} deep, over the limit of ${max}.`,
            { nodes: [operation] },
          ));
        }
        return false;
      },
    };
  };
}
