import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Picks an option of an antd Select and waits until the field shows it. A click that lands while the
 * list is still opening, or while its options are redrawn (they arrive from the server), picks nothing
 * and leaves the list open; the pick is tried again until the field holds the choice.
 */
export async function pickOption(page: Page, field: Locator, option: RegExp, shown: string): Promise<void> {
  const choice = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option });
  // The chosen value (single mode's value, multiple mode's tag) carries its label as its title.
  const picked = () =>
    field.evaluate(
      (input, title) =>
        Array.from(input.closest('.ant-select')?.querySelectorAll('[title]') ?? []).some(
          (e) => e.getAttribute('title') === title,
        ),
      shown,
    );
  await expect(async () => {
    if (!(await picked())) {
      if (!(await choice.first().isVisible())) await field.click();
      await choice.first().click({ timeout: 3000 });
    }
    expect(await picked()).toBe(true);
  }).toPass({ timeout: 30_000 });
}
