// Names containing markup render as text (issue 8, bad input): a person registered with a <script>
// or an onerror payload in the name sees the literal text on 我的信息, and nothing runs.
//
// The brief's name `<script>window.__xss=1</script>李` is 32 characters and the registration form
// allows 30 (RegisterRequest.name), so the payloads are the same script and attribute handler in fewer
// characters; a top-level `__xss=1` in a script sets window.__xss exactly like `window.__xss=1`.
import { expect, test, type Page } from '@playwright/test';
import { captchaFor } from './demo';
import { newIdNumber } from './id-numbers';

const PASSWORD = 'Xss2026ab';

/**
 * Registers a person through the API, logs in with the page's cookies and completes the profile, so 我的信息 opens
 * directly.
 */
async function registerAndSignIn(page: Page, name: string) {
  const units = await (await page.request.get(`/api/units/search?q=${encodeURIComponent('南宁')}`)).json();
  expect(units.length).toBeGreaterThan(0);
  const idNumber = newIdNumber(1991);
  const reg = await page.request.post('/api/auth/register', {
    data: {
      idNumber,
      name,
      phone: '13977112345',
      unitId: units[0].id,
      password: PASSWORD,
      ...(await captchaFor(page.request)),
    },
  });
  expect(reg.status(), await reg.text()).toBe(201);
  const login = await page.request.post('/api/auth/login', {
    data: { username: idNumber, password: PASSWORD, realm: 'person' },
  });
  expect(login.status()).toBe(200);
  const { me } = await login.json();
  expect(me.name).toBe(name); // the API hands the name back verbatim, as JSON text
  const profile = await page.request.patch('/api/me/profile', {
    data: { email: 'xss@example.com' },
    headers: { 'x-csrf-token': me.csrfToken },
  });
  expect(profile.status()).toBe(200);
}

for (const [label, name] of [
  ['a script element', '<script>__xss=1</script>李'],
  ['an onerror handler', '<img src=x onerror="__xss=2">李'],
] as const) {
  test(`a name with ${label} shows as literal text on 我的信息 and runs nothing`, async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.request.post('/api/test/clock', { data: { at: null } });
    await registerAndSignIn(page, name);
    await page.goto('/profile');
    await expect(page.getByText(name, { exact: true }).first()).toBeVisible();
    // Nothing was parsed as markup: no such element, no global set, no dialog.
    expect(await page.locator('script', { hasText: '__xss' }).count()).toBe(0);
    expect(await page.locator('img[onerror]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
}
