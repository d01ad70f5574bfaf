/// <reference lib="dom" />
// Keyboard-only driving: what has focus, whether its focus can be seen, and Tab until a field.
import type { Page } from 'playwright-core';

export interface FocusedElement {
  tag: string;
  /** Its label's text (or aria-label), what a screen reader names it by. */
  label: string;
  /** The item line it sits in (data-line), or null outside the lines. */
  line: number | null;
  /** An outline or a box-shadow ring is drawn around it. */
  focusVisible: boolean;
  ariaInvalid: string | null;
  /** The texts of the elements aria-describedby and aria-errormessage name. */
  describedBy: string[];
  errorMessage: string | null;
}

export function focused(page: Page): Promise<FocusedElement> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { tag: 'body', label: '', line: null, focusVisible: false, ariaInvalid: null, describedBy: [], errorMessage: null };
    const labelled = element as HTMLInputElement;
    const label = element.getAttribute('aria-label') ?? Array.from(labelled.labels ?? []).map((l) => l.textContent ?? '').join(' ').trim();
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const ring = style.boxShadow !== 'none' && style.boxShadow !== '';
    const textOf = (id: string) => document.getElementById(id)?.textContent ?? `(no element #${id})`;
    const line = element.closest<HTMLElement>('[data-line]')?.dataset.line;
    return {
      tag: element.tagName.toLowerCase(),
      label: label || (element.textContent ?? '').trim(),
      line: line === undefined ? null : Number(line),
      focusVisible: outline || ring,
      ariaInvalid: element.getAttribute('aria-invalid'),
      describedBy: (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean).map(textOf),
      errorMessage: element.getAttribute('aria-errormessage') ? textOf(element.getAttribute('aria-errormessage')!) : null,
    };
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focused element's label is `label`, checking on the way
 * that every element focused shows its focus. Fails after `limit` presses.
 */
export async function tabTo(page: Page, label: string, options: { backwards?: boolean; limit?: number } = {}): Promise<FocusedElement> {
  for (let i = 0; i < (options.limit ?? 40); i += 1) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (now.tag !== 'body' && !now.focusVisible) throw new Error(`focus on ${now.tag} "${now.label}" cannot be seen (no outline or ring)`);
    if (now.label === label) return now;
  }
  throw new Error(`no field labelled "${label}" within ${options.limit ?? 40} presses of ${options.backwards ? 'Shift+Tab' : 'Tab'}`);
}
