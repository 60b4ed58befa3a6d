// 减弱动态效果: under the system's reduce-motion setting antd's dialogs open at once, without their zoom animation;
// without the setting they animate as usual. (certificate-admin.spec runs under the setting too: its dialog still
// focuses its field.)
import { expect, test, type Page } from '@playwright/test';
import { demo, signIn } from './demo';

/**
 * Opens 新登记培训 and tells whether the dialog played its zoom while it opened: an element went through
 * ant-zoom-appear-active (ant-zoom-enter-active when the dialog was mounted before it was shown), or the browser
 * started a zoom animation.
 */
async function opensAnimated(page: Page): Promise<boolean> {
  await page.evaluate(() => {
    const w = window as unknown as { animated: boolean };
    w.animated = false;
    const zooms = (e: Element) =>
      [e, ...Array.from(e.querySelectorAll('*'))].some((x) =>
        /\bant-zoom-(appear|enter)-active\b/.test(x.getAttribute('class') ?? ''),
      );
    new MutationObserver((changes) => {
      for (const c of changes) {
        const nodes = c.type === 'attributes' ? [c.target] : Array.from(c.addedNodes);
        if (nodes.some((n) => n instanceof Element && zooms(n))) w.animated = true;
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
    // The animation itself, as the browser runs it (antd's zoom keyframes are named antZoom…).
    document.addEventListener('animationstart', (e) => {
      if (/zoom/i.test(e.animationName)) w.animated = true;
    });
  });
  await page.getByRole('button', { name: '新登记培训' }).click();
  await expect(page.getByRole('dialog', { name: '新登记培训' })).toBeVisible();
  return page.evaluate(() => (window as unknown as { animated: boolean }).animated);
}

test.use({ reducedMotion: 'reduce' });

test('a dialog opens without animation under 减弱动态效果, and with it otherwise', async ({ page }) => {
  const person = demo('专业技术人员');
  await signIn(page, '专业技术人员', person.username, person.password);
  await page.goto('/hours/mine');
  expect(await opensAnimated(page)).toBe(false);

  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.reload();
  expect(await opensAnimated(page)).toBe(true);
});
