import type { PosthogElement } from '@sift/contracts';
import type { DomNode, DomNodes } from './dom-nodes.util';

const MAX_CHAIN = 20;
const MAX_TEXT = 255;
const SKIP_TEXT_OF = new Set(['script', 'style', 'noscript']);
// Clicks often land on a span or icon inside these; their text says what was clicked.
const LABELLED_BY_TEXT = new Set(['a', 'button', 'label']);
const KEPT_ATTRIBUTES = ['id', 'name', 'type', 'aria-label', 'role', 'placeholder', 'href'];

/** An element chain in PostHog's two forms: the `elements` array and the `$elements_chain` string. */
export interface ElementChain {
  elements: PosthogElement[];
  chain: string;
}

/**
 * Describes the element behind rrweb node `id` (or its nearest element ancestor) and its ancestors up
 * to `<body>`, as PostHog autocapture would: `button.btn.pay:attr__id="pay"nth-child="1"...;form;body`.
 * Text is given for the target and for enclosing links, buttons and labels.
 * `undefined` when the node is unknown to the recorded DOM.
 */
export function elementChainOf(nodes: DomNodes, id: number): ElementChain | undefined {
  let node = nodes.get(id);
  while (node && node.tagName === undefined)
    node = node.parentId === undefined ? undefined : nodes.get(node.parentId);
  if (!node) return undefined;
  const elements: PosthogElement[] = [];
  for (let current: DomNode | undefined = node; current?.tagName && elements.length < MAX_CHAIN;) {
    if (current.tagName === 'html') break;
    elements.push(describeElement(nodes, current, current === node));
    if (current.tagName === 'body') break;
    current = current.parentId === undefined ? undefined : nodes.get(current.parentId);
  }
  return { elements, chain: elements.map(serialize).join(';') };
}

function describeElement(nodes: DomNodes, node: DomNode, isTarget: boolean): PosthogElement {
  const classes = String(node.attributes['class'] ?? '')
    .split(/\s+/)
    .filter((name) => name !== '');
  const attributes: Record<string, string> = {};
  for (const name of KEPT_ATTRIBUTES) {
    const value = node.attributes[name];
    if ((typeof value === 'string' && value !== '') || typeof value === 'number') {
      attributes[`attr__${name}`] = String(value);
    }
  }
  if (classes.length > 0) attributes['attr__class'] = classes.join(' ');
  const siblings = node.parentId === undefined ? [] : (nodes.get(node.parentId)?.childIds ?? []);
  const elementSiblings = siblings
    .map((siblingId) => nodes.get(siblingId))
    .filter((sibling) => sibling?.tagName);
  const text = isTarget || LABELLED_BY_TEXT.has(node.tagName ?? '') ? textOf(nodes, node) : '';
  return {
    tag_name: node.tagName,
    ...(text !== '' && { text }),
    ...(attributes['attr__href'] !== undefined && { href: attributes['attr__href'] }),
    ...(attributes['attr__id'] !== undefined && { attr_id: attributes['attr__id'] }),
    ...(classes.length > 0 && { attr_class: classes }),
    nth_child: elementSiblings.indexOf(node) + 1 || 1,
    nth_of_type:
      elementSiblings.filter((sibling) => sibling?.tagName === node.tagName).indexOf(node) + 1 || 1,
    attributes,
  };
}

/** The element's visible text, whitespace collapsed, capped as PostHog caps it. */
function textOf(nodes: DomNodes, root: DomNode): string {
  const parts: string[] = [];
  const stack = [root];
  let length = 0;
  while (stack.length > 0 && length < MAX_TEXT) {
    const node = stack.pop();
    if (!node || (node.tagName !== undefined && SKIP_TEXT_OF.has(node.tagName))) continue;
    if (node.text !== undefined) {
      parts.push(node.text);
      length += node.text.length;
    }
    for (let i = node.childIds.length - 1; i >= 0; i--) {
      const child = nodes.get(node.childIds[i] ?? -1);
      if (child) stack.push(child);
    }
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
}

function serialize(element: PosthogElement): string {
  const classes = (element.attr_class ?? []).map((name) => `.${escapeName(name)}`).join('');
  const pairs: Record<string, string> = { ...(element.attributes as Record<string, string>) };
  if (element.text) pairs['text'] = element.text;
  if (element.href) pairs['href'] = element.href;
  pairs['nth-child'] = String(element.nth_child);
  pairs['nth-of-type'] = String(element.nth_of_type);
  const attributes = Object.keys(pairs)
    .sort()
    .map((key) => `${key}="${(pairs[key] ?? '').replace(/"/g, '\\"')}"`)
    .join('');
  return `${element.tag_name ?? ''}${classes}:${attributes}`;
}

function escapeName(name: string): string {
  return name.replace(/([.:;"])/g, '\\$1');
}
