import { isRecord } from '../parse/validate-items.util';

/** rrweb's serialized node types that matter here. */
const ELEMENT_NODE = 2;
const TEXT_NODE = 3;
/** rrweb IncrementalSource.Mutation. */
const MUTATION_SOURCE = 0;

/** What the recording says about one DOM node, enough to describe a clicked element. */
export interface DomNode {
  id: number;
  parentId?: number;
  tagName?: string;
  attributes: Record<string, unknown>;
  childIds: number[];
  text?: string;
}

/** The recorded DOM by rrweb node id, as of the last applied snapshot or mutation. */
export type DomNodes = Map<number, DomNode>;

/** Applies a FullSnapshot (rebuilds the map) or a Mutation (adds nodes, updates texts and attributes). */
export function applyToDomNodes(nodes: DomNodes, type: number, data: unknown): void {
  if (!isRecord(data)) return;
  if (type === 2) {
    nodes.clear();
    addTree(nodes, data['node'], undefined, undefined);
    return;
  }
  if (type !== 3 || data['source'] !== MUTATION_SOURCE) return;
  for (const add of arrayOf(data['adds'])) {
    if (isRecord(add)) addTree(nodes, add['node'], numberOf(add['parentId']), numberOf(add['nextId']));
  }
  for (const change of arrayOf(data['texts'])) {
    const node = isRecord(change) ? nodes.get(numberOf(change['id']) ?? -1) : undefined;
    if (node && isRecord(change) && typeof change['value'] === 'string') node.text = change['value'];
  }
  for (const change of arrayOf(data['attributes'])) {
    const node = isRecord(change) ? nodes.get(numberOf(change['id']) ?? -1) : undefined;
    if (!node || !isRecord(change) || !isRecord(change['attributes'])) continue;
    for (const [name, value] of Object.entries(change['attributes'])) {
      if (value === null) delete node.attributes[name];
      else node.attributes[name] = value;
    }
  }
}

// Iterative, because real DOMs nest deeper than is comfortable for recursion.
function addTree(
  nodes: DomNodes,
  root: unknown,
  parentId: number | undefined,
  nextId: number | undefined,
): void {
  const stack: Array<{ node: unknown; parentId: number | undefined; nextId: number | undefined }> = [
    { node: root, parentId, nextId },
  ];
  while (stack.length > 0) {
    const {
      node,
      parentId: parent,
      nextId: next,
    } = stack.pop() ?? { node: undefined, parentId: undefined, nextId: undefined };
    if (!isRecord(node)) continue;
    const id = numberOf(node['id']);
    if (id === undefined) continue;
    const entry: DomNode = { id, parentId: parent, attributes: {}, childIds: [] };
    if (node['type'] === ELEMENT_NODE && typeof node['tagName'] === 'string') {
      entry.tagName = node['tagName'].toLowerCase();
      entry.attributes = isRecord(node['attributes']) ? { ...node['attributes'] } : {};
    }
    if (node['type'] === TEXT_NODE && typeof node['textContent'] === 'string')
      entry.text = node['textContent'];
    nodes.set(id, entry);
    if (parent !== undefined) linkChild(nodes.get(parent), id, next);
    const children = arrayOf(node['childNodes']);
    for (let i = children.length - 1; i >= 0; i--)
      stack.push({ node: children[i], parentId: id, nextId: undefined });
  }
}

function linkChild(parent: DomNode | undefined, id: number, nextId: number | undefined): void {
  if (!parent || parent.childIds.includes(id)) return;
  const at = nextId === undefined ? -1 : parent.childIds.indexOf(nextId);
  if (at < 0) parent.childIds.push(id);
  else parent.childIds.splice(at, 0, id);
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
