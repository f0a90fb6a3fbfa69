/**
 * A minimal screen reader for the browser tests, reading Chromium's own accessibility tree
 * through the DevTools protocol (`Accessibility.getFullAXTree`), which, unlike a DOM-based
 * reader, sees into the widget's open shadow root as assistive technology does.
 * (`@guidepup/virtual-screen-reader` 0.33 walks light DOM children only: on our pages it reads
 * the section around the widget and nothing inside it.)
 */
import type { CDPSession, Page } from 'playwright-core';

interface AXValue {
  value?: unknown;
}
interface AXNode {
  nodeId: string;
  ignored: boolean;
  role?: AXValue;
  name?: AXValue;
  description?: AXValue;
  properties?: { name: string; value: AXValue }[];
  childIds?: string[];
}

/** One node as a screen reader says it on focus: role, name, level, description. */
export interface Spoken {
  role: string;
  name: string;
  level?: number;
  description?: string;
}

const prop = (node: AXNode, name: string): unknown => node.properties?.find((p) => p.name === name)?.value.value;
const text = (v: AXValue | undefined): string => (typeof v?.value === 'string' ? v.value : '');

/** Reads the page's accessibility tree: what has focus, what the live regions hold, all text. */
export class AxReader {
  #session: CDPSession;
  private constructor(session: CDPSession) {
    this.#session = session;
  }

  static async open(page: Page): Promise<AxReader> {
    const session = await page.context().newCDPSession(page);
    await session.send('Accessibility.enable');
    return new AxReader(session);
  }

  async #tree(): Promise<{ nodes: AXNode[]; byId: Map<string, AXNode> }> {
    const { nodes } = (await this.#session.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    return { nodes, byId: new Map(nodes.map((n) => [n.nodeId, n])) };
  }

  /** Texts of the non-ignored StaticText nodes below `node`, in reading order (fields' values left out). */
  #texts(node: AXNode, byId: Map<string, AXNode>): string[] {
    const out: string[] = [];
    const walk = (n: AXNode) => {
      if (text(n.role) === 'textbox') return;
      if (!n.ignored && text(n.role) === 'StaticText' && text(n.name).trim()) out.push(text(n.name));
      for (const id of n.childIds ?? []) {
        const child = byId.get(id);
        if (child) walk(child);
      }
    };
    walk(node);
    return out;
  }

  /** The focused node, as spoken on focus (null when nothing inside the page has focus). */
  async focused(): Promise<Spoken | null> {
    const { nodes } = await this.#tree();
    const node = nodes.find((n) => !n.ignored && prop(n, 'focused') === true && text(n.role) !== 'RootWebArea');
    if (!node) return null;
    const spoken: Spoken = { role: text(node.role), name: text(node.name) };
    const level = prop(node, 'level');
    if (typeof level === 'number') spoken.level = level;
    if (text(node.description)) spoken.description = text(node.description);
    return spoken;
  }

  /** The text each live region holds now, in page order (empty regions left out). */
  async live(): Promise<string[]> {
    const { nodes, byId } = await this.#tree();
    return nodes
      .filter((n) => !n.ignored && typeof prop(n, 'live') === 'string' && prop(n, 'live') !== 'off')
      .map((n) => this.#texts(n, byId).join(''))
      .filter(Boolean);
  }

  /** Every text a reader meets going line by line through the named region (e.g. the widget). */
  async lines(regionName: string): Promise<string[]> {
    const { nodes, byId } = await this.#tree();
    const region = nodes.find((n) => !n.ignored && text(n.name) === regionName && text(n.role) === 'region');
    if (!region) return [];
    // The widget's region and what follows it inside the element's shadow root (the live region).
    return this.#texts(region, byId).concat(await this.#afterRegion(region, nodes, byId));
  }

  /** Texts in the siblings after `region` (where a hidden announcement used to sit). */
  async #afterRegion(region: AXNode, nodes: AXNode[], byId: Map<string, AXNode>): Promise<string[]> {
    const parent = nodes.find((n) => n.childIds?.includes(region.nodeId));
    if (!parent) return [];
    const after = parent.childIds!.slice(parent.childIds!.indexOf(region.nodeId) + 1);
    return after.flatMap((id) => (byId.get(id) ? this.#texts(byId.get(id)!, byId) : []));
  }

  /** Says a node as a line of a transcript: `heading 3「…」`. */
  static say(spoken: Spoken | null): string {
    if (!spoken) return '(no focus)';
    const role = spoken.role + (spoken.level ? ` ${spoken.level}` : '');
    return `${role}「${spoken.name}」${spoken.description ? `（${spoken.description}）` : ''}`;
  }
}
