import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import manifest from '../../custom-elements.json';

/** The manifest against the element's source: nothing public is missing, nothing stale is listed. */
const dir = path.join(import.meta.dirname, '../../src/components/troubleshooter');
const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
const sources = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .map(read)
  .join('\n');
const element = read('pos-troubleshooter.ts');
const all = (re: RegExp, text: string) => new Set([...text.matchAll(re)].map((m) => m[1]!));
const sorted = (items: Iterable<string>) => [...new Set(items)].sort();

const declaration = manifest.modules[0]!.declarations[0]!;

describe('custom-elements.json', () => {
  it('is a schema 2.x manifest of <pos-troubleshooter>', () => {
    expect(manifest.schemaVersion).toMatch(/^2\./);
    expect(declaration).toMatchObject({ tagName: 'pos-troubleshooter', customElement: true });
    expect(element).toContain(`class ${declaration.name} extends HTMLElement`);
    expect(element).toContain(`customElements.define('${declaration.tagName}', ${declaration.name})`);
  });

  it('lists every attribute the element reads, and only those', () => {
    const observed = /observedAttributes = \[([^\]]*)\]/.exec(element)![1]!;
    const [, strings, booleans] = /reflect\(PosTroubleshooter, \[([^\]]*)\], \[([^\]]*)\]\)/.exec(element)!;
    const reflected = `${strings} ${booleans}`;
    const used = [
      ...all(/'([a-z-]+)'/g, observed),
      ...all(/'([a-z-]+)'/g, reflected),
      ...all(/(?:get|has|toggle)Attribute\('([a-z-]+)'/g, element),
    ];
    expect(sorted(declaration.attributes.map((a) => a.name))).toEqual(sorted(used));
    for (const name of all(/'([a-z-]+)'/g, observed)) expect(declaration.attributes.map((a) => a.name)).toContain(name);
  });

  it('lists every reflected property as a field tied to its attribute', () => {
    const fields = declaration.members.filter((m) => m.reflects).map((m) => m.name);
    expect(sorted(fields)).toEqual(sorted([...all(/declare (\w+):/g, element), 'lang']));
  });

  it('lists every event the element dispatches, and only those', () => {
    // Each is dispatched twice: as named, and as its colon-free alias for Angular (events.ts).
    const dispatched = all(/'(pos-troubleshooter:[a-z]+)'/g, element);
    expect(sorted(declaration.events.map((e) => e.name))).toEqual(
      sorted([...dispatched, ...[...dispatched].map((name) => name.replace(':', '-'))]),
    );
  });

  it('lists every part and slot in the views, and only those', () => {
    expect(sorted(declaration.cssParts.map((p) => p.name))).toEqual(sorted(all(/part: '([a-z-]+)'/g, sources)));
    expect(sorted(declaration.slots.map((s) => s.name))).toEqual(sorted(all(/'slot', \{ name: '([a-z-]+)'/g, sources)));
  });

  it('lists every --pos-* custom property of the styles, and only those', () => {
    expect(sorted(declaration.cssProperties.map((p) => p.name))).toEqual(
      sorted(all(/(--pos-[a-z-]+)/g, read('styles.ts'))),
    );
  });
});
