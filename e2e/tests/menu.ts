import { expect, type Locator, type Page } from '@playwright/test';

/** The 功能菜单, opened from the banner first on a phone (below 768 px the sidebar is a drawer). */
export async function showMenu(page: Page) {
  if ((page.viewportSize()?.width ?? 1280) < 768) await page.getByRole('button', { name: '打开功能菜单' }).click();
  return page.getByRole('navigation', { name: '功能菜单' });
}

/**
 * Opens an entry of the 功能菜单 (and its group first when the entry is folded), as a person would: on a laptop the
 * menu is in the sidebar, on a phone behind 打开功能菜单 in the banner, in a drawer that closes on the choice.
 */
export async function openMenu(page: Page, group: string | null, item: string, heading = item) {
  const nav = await showMenu(page);
  const entry = nav.getByRole('menuitem', { name: item, exact: true });
  // A group still unfolding (the current page's own opens by itself) would fold again under a second click: the group
  // is clicked only while its entry is hidden, and again if the entry did not come.
  if (group)
    await expect(async () => {
      if (!(await entry.isVisible())) await nav.getByRole('menuitem', { name: group }).click({ timeout: 5_000 });
      await expect(entry).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
  await entry.click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

/** A record of a list by its text: a table row on a laptop, a card on a phone (the list kit's cards are list items). */
export function listItem(page: Page, name: RegExp) {
  return page.getByRole('row', { name }).or(page.locator('.ptce-list-cards > li').filter({ hasText: name }));
}

/** What shows a record's folded details: the table's 展开 button, or the card's 详情 (a disclosure). */
export function expander(item: Locator) {
  return item.getByRole('button', { name: /展开/ }).or(item.locator('summary'));
}

/** Every record a list shows: its table rows on a laptop, its cards on a phone (within `scope`, the page or a part). */
export function listRecords(scope: Page | Locator) {
  return scope.locator('.ant-table-tbody tr.ant-table-row').or(scope.locator('.ptce-list-cards > li'));
}

/** True on a phone (below 768 px: cards for lists, the menu in a drawer). */
export function onPhone(page: Page): boolean {
  return (page.viewportSize()?.width ?? 1280) < 768;
}
