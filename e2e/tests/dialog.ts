import { expect, type Locator } from '@playwright/test';

/**
 * Presses a dialog's button once the dialog has stopped zooming in, and waits for the dialog to close. A click while
 * it still zooms can miss the button (seen on a loaded machine: the dialog stayed open and its mask took every later
 * click), so the button is pressed again while the dialog is still open.
 */
export async function pressAndClose(dialog: Locator, button: string): Promise<void> {
  await expect(dialog).not.toHaveClass(/ant-zoom/);
  await expect(async () => {
    if (await dialog.isVisible()) await dialog.getByRole('button', { name: button }).click({ timeout: 5_000 });
    await expect(dialog).toBeHidden({ timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
}
