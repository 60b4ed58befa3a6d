// 证明材料 of a professional's record, in the browser: files are chosen in the 新登记培训 form and uploaded
// when it is saved; a file of the wrong type is refused before any upload, one whose content is not what
// its name says is refused by the server (the record stays saved, the file shows why); the stored file
// downloads byte for byte and can be removed.
import { expect, test } from '@playwright/test';
import { listItem } from './menu';
import { demo, shanghaiDate, signIn } from './demo';

// A small but well-formed PDF: the server checks the content, not the name.
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

test('证明材料: chosen with the record, refused by type and by content, uploaded on 保存, downloaded and removed', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  await request.post('/api/test/clock', { data: { at: null } }); // real time: another spec may have moved it
  const person = demo('专业技术人员');
  const title = `院内感染防控专题讲座 ${Date.now()}`;
  const day = shanghaiDate(-5); // one day: never across two years

  await signIn(page, '专业技术人员', person.username, person.password);
  await page.goto('/hours/mine');
  await page.getByRole('button', { name: '新登记培训' }).click();
  const dialog = page.getByRole('dialog', { name: '新登记培训' });
  await dialog.getByLabel('培训内容').fill(title);
  await dialog.getByLabel('主办单位').fill('广西壮族自治区人民医院');
  await dialog.getByLabel('培训地点').fill('南宁市');
  for (const label of ['开始时间', '结束时间']) {
    const field = dialog.getByLabel(label, { exact: true });
    await field.click();
    await field.fill(day);
    await field.press('Enter');
    await expect(field).toHaveValue(day);
  }
  await dialog.getByRole('radiogroup', { name: '开始时段' }).getByText('上午').click();
  await dialog.getByRole('radiogroup', { name: '结束时段' }).getByText('下午').click();

  const files = dialog.locator('input[type=file]');
  // Refused in the page, nothing sent: not PDF/JPG/PNG.
  await files.setInputFiles({
    name: '会议通知.docx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('PK\u0003\u0004'),
  });
  await expect(dialog.getByText('会议通知.docx：只支持PDF、JPG、PNG格式的文件')).toBeVisible();
  // Staged: a real PDF, and a text file named .pdf that only the server can tell apart.
  await files.setInputFiles([
    { name: '培训证书.pdf', mimeType: 'application/pdf', buffer: PDF },
    { name: '签到表.pdf', mimeType: 'application/pdf', buffer: Buffer.from('签到表：张三、李四', 'utf8') },
  ]);
  const list = dialog.getByRole('list', { name: '证明材料' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list).toContainText('待上传');

  await dialog.getByLabel('本人承诺以上信息属实').check();
  await dialog.getByRole('button', { name: '保存' }).click();
  // The record is saved; the fake PDF is refused with the server's reason, the real one is stored (a link).
  await expect(dialog.getByText('证明材料上传失败')).toBeVisible();
  await expect(list.getByRole('listitem').filter({ hasText: '签到表.pdf' })).toContainText(
    '证明材料只支持PDF、JPG、PNG格式的文件',
  );
  await expect(list.getByRole('link', { name: '培训证书.pdf' })).toBeVisible();
  await list.getByRole('button', { name: '移除 签到表.pdf' }).click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  const row = listItem(page, new RegExp(title));
  await expect(row).toContainText('待提交');
  await expect(row).toContainText('1 个');

  // 修改: the stored file downloads exactly as uploaded, and can be deleted.
  await row.getByRole('button', { name: '修改' }).click();
  const edit = page.getByRole('dialog', { name: '修改培训登记' });
  const link = edit.getByRole('link', { name: '培训证书.pdf' });
  await expect(link).toBeVisible();
  const download = await page.request.get((await link.getAttribute('href'))!);
  expect(download.status()).toBe(200);
  expect(Buffer.compare(await download.body(), PDF)).toBe(0);

  await edit.getByRole('button', { name: '删除证明材料 培训证书.pdf' }).click();
  await page.getByRole('dialog', { name: '删除证明材料' }).getByRole('button', { name: '删除' }).click();
  await expect(page.getByText('证明材料已删除')).toBeVisible();
  await expect(link).toBeHidden();
  await edit.getByRole('button', { name: '取消' }).click();
  await expect(row).toContainText('无');
});
