import type { Page } from 'playwright-core';

/** Roles of form controls in Chromium's accessibility tree. */
const CONTROL_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'listbox', 'checkbox', 'radio', 'spinbutton', 'slider', 'switch', 'DateTime', 'InputTime', 'Date']);

export interface NamedControl { role: string; name: string }

/**
 * Every form control on the page as the browser exposes it to assistive technology (Chromium's
 * own accessible-name computation, read over CDP), and how many controls the DOM holds.
 */
export async function formControls(page: Page): Promise<{ controls: NamedControl[]; domCount: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree') as { nodes: Array<{ ignored: boolean; role?: { value: string }; name?: { value: string } }> };
    const controls = nodes
      .filter((node) => !node.ignored && CONTROL_ROLES.has(node.role?.value ?? ''))
      .map((node) => ({ role: node.role!.value, name: String(node.name?.value ?? '').trim() }));
    const domCount = await page.locator('main input, main select, main textarea').count();
    return { controls, domCount };
  } finally {
    await cdp.detach();
  }
}
