/**
 * Whether the registry answers introspection. In production it does not (the service writes
 * <meta name="registry-introspection" content="off"> into this page): GraphiQL then never asks
 * for the schema, and queries typed or pasted still run.
 */
export function introspectionIsOff(): boolean {
  return document.querySelector('meta[name="registry-introspection"]')?.getAttribute('content') === 'off';
}
