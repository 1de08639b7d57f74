import type { z } from 'zod';

/** The parts of zod 4's internal definition a walk needs; every schema carries one at `_zod.def`. */
interface Definition {
  type: string;
  shape?: Record<string, Node>;
  catchall?: Node;
  innerType?: Node;
  in?: Node;
  out?: Node;
  options?: Node[];
  left?: Node;
  right?: Node;
  element?: Node;
  items?: Node[];
  rest?: Node | null;
  keyType?: Node;
  valueType?: Node;
  getter?: () => Node;
}
interface Node {
  _zod: { def: Definition };
}

export interface SchemaNode {
  /** Where in an input the node applies: `action`, `rule`, `placements[]`, `(or 2)` for a union option. */
  path: string;
  kind: string;
  schema: z.ZodType;
  /** For an object: whether unknown keys are refused (zod's strict object has a `never` catch-all). */
  strict?: boolean;
}

/** Every node of a schema, depth first, through wrappers, unions, intersections, arrays and pipes. */
export function schemaNodes(schema: z.ZodType, path = ''): SchemaNode[] {
  const nodes: SchemaNode[] = [];
  const seen = new Set<Node>();
  const visit = (node: Node, at: string) => {
    if (seen.has(node)) return;
    seen.add(node);
    const def = node._zod.def;
    const entry: SchemaNode = { path: at, kind: def.type, schema: node as unknown as z.ZodType };
    if (def.type === 'object') entry.strict = def.catchall?._zod.def.type === 'never';
    nodes.push(entry);
    const join = (key: string) => (at === '' ? key : `${at}.${key}`);
    switch (def.type) {
      case 'object':
        for (const [key, child] of Object.entries(def.shape ?? {})) visit(child, join(key));
        if (def.catchall && def.catchall._zod.def.type !== 'never') visit(def.catchall, join('*'));
        break;
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'catch':
      case 'readonly':
      case 'nonoptional':
      case 'promise':
        if (def.innerType) visit(def.innerType, at);
        break;
      case 'pipe':
        if (def.in) visit(def.in, at);
        if (def.out) visit(def.out, at);
        break;
      case 'union':
        (def.options ?? []).forEach((option, index) => visit(option, `${at}(or ${index + 1})`));
        break;
      case 'intersection':
        if (def.left) visit(def.left, at);
        if (def.right) visit(def.right, at);
        break;
      case 'array':
        if (def.element) visit(def.element, `${at}[]`);
        break;
      case 'tuple':
        (def.items ?? []).forEach((item, index) => visit(item, `${at}[${index}]`));
        if (def.rest) visit(def.rest, `${at}[]`);
        break;
      case 'record':
      case 'map':
        if (def.keyType) visit(def.keyType, join('(key)'));
        if (def.valueType) visit(def.valueType, join('*'));
        break;
      case 'set':
        if (def.valueType) visit(def.valueType, `${at}[]`);
        break;
      case 'lazy':
        if (def.getter) visit(def.getter(), at);
        break;
      default:
        break;
    }
  };
  visit(schema, path);
  return nodes;
}
