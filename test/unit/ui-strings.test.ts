import { describe, expect, it } from 'vitest';
import { t, type UiKey } from '../../src/i18n/ui';
import { categories } from '../../src/lib/taxonomy';

describe('the UI strings', () => {
  it('name every category and give it a line for the home page', () => {
    for (const c of categories) {
      expect(t(`category.${c}` as UiKey).length, c).toBeGreaterThan(1);
      expect(t(`category.${c}.blurb` as UiKey).length, c).toBeGreaterThan(1);
    }
  });

  it('refuse a key they lack, naming it and the file, instead of failing on undefined', () => {
    expect(() => t('category.nope' as UiKey)).toThrow(
      'src/i18n/ui.ts has no string "category.nope": add it (a category needs category.{id} and category.{id}.blurb).',
    );
    expect(() => t('toString' as UiKey)).toThrow(/no string "toString"/);
  });
});
