import type { PosthogElement, PosthogEvent } from '@sift/contracts';
import { parseElementsChain, type ChainElement } from './elements-chain.util';

/** Elements people name when they describe a click (PostHog's "useful elements"). */
const INTERACTIVE_TAGS = new Set(['a', 'button', 'input', 'select', 'textarea', 'label']);
/** A click on an icon or span inside a button is a click on the button: look this many ancestors up. */
const ANCESTOR_LOOKUP = 3;
const MAX_LABEL_LENGTH = 40;
const MAX_NAME_LENGTH = 200;

/** The element an event was about: a human name and a key that tells two elements apart. */
export interface ElementTarget {
  /** As a person would name it: `button "Pay now"`, `button#pay`, `a.nav-link`. */
  name: string;
  /** Identity of the element for "same element" checks (its full chain when known). */
  key: string;
}

/**
 * Names an element chain the way a person would: `button "Pay now"`, else `button#pay`, else
 * `a.nav-link`. When the clicked element is not interactive (an icon inside a button), the nearest
 * interactive ancestor is named instead, keeping the clicked element's text if the ancestor has none.
 */
export function nameElement(chain: readonly ChainElement[]): string | undefined {
  const clicked = chain[0];
  if (!clicked) return undefined;
  const named =
    chain.slice(0, ANCESTOR_LOOKUP + 1).find((el) => INTERACTIVE_TAGS.has(el.tagName ?? '')) ?? clicked;
  const tag = named.tagName ?? 'element';
  const label = labelOf(named) ?? labelOf(clicked);
  let name: string;
  if (label) name = `${tag} "${label}"`;
  else if (named.id) name = `${tag}#${named.id}`;
  else if (named.classes[0]) name = `${tag}.${named.classes[0]}`;
  else if (named.href) name = `${tag}[href="${named.href}"]`;
  else name = tag;
  return name.length > MAX_NAME_LENGTH ? `${name.slice(0, MAX_NAME_LENGTH - 1)}…` : name;
}

/**
 * The element an autocapture or rage-click event points at, read from `$elements_chain`, the
 * top-level `elements_chain` of exports, or the `elements` array, in that order.
 */
export function targetOfEvent(event: PosthogEvent): ElementTarget | undefined {
  const chainText = event.properties.$elements_chain ?? stringOrUndefined(event['elements_chain']);
  const chain = chainText ? parseElementsChain(chainText) : (event.elements ?? []).map(fromPosthogElement);
  const name = nameElement(chain);
  if (!name) return undefined;
  return { name, key: chainText ?? name };
}

function labelOf(element: ChainElement): string | undefined {
  const raw = element.text ?? element.attributes['attr__aria-label'] ?? element.attributes['attr__title'];
  const text = raw?.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  return text.length > MAX_LABEL_LENGTH ? `${text.slice(0, MAX_LABEL_LENGTH - 1)}…` : text;
}

function fromPosthogElement(element: PosthogElement): ChainElement {
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(element.attributes ?? {})) {
    if (typeof value === 'string') attributes[key] = value;
  }
  const id = element.attr_id ?? attributes['attr__id'];
  return {
    ...(element.tag_name ? { tagName: element.tag_name } : {}),
    classes: element.attr_class ?? [],
    ...(element.text ? { text: element.text } : {}),
    ...(element.href ? { href: element.href } : {}),
    ...(id ? { id } : {}),
    attributes,
  };
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
