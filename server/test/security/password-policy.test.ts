import { passwordPolicyProblem } from '@ptce/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { registerProfessional } from '../../src/modules/accounts/index';
import { buildAccount, buildProfessional, buildUnit, idNumber, PASSWORD } from '../factories';
import { createTestApp, loggedIn } from '../helpers';

/**
 * The password policy: 8+ characters with letters and digits, not the username, nothing of the ID
 * number (last six, or 8 consecutive characters such as the birth date) — on the server, with a
 * message naming the field, for every password a person chooses (修改密码, 注册, create-operator).
 */
describe('passwordPolicyProblem', () => {
  const id = '450102198503120017';
  it.each([
    ['Ab1', '密码至少8位，且须同时包含字母和数字'],
    ['abcdefgh', '密码至少8位，且须同时包含字母和数字'],
    ['12345678', '密码至少8位，且须同时包含字母和数字'],
    ['x'.repeat(127) + '12', '密码过长'],
    ['Zhang2026ops', '密码不能与用户名相同'],
    ['zz120017zz', '密码不能包含身份证号码后六位'],
    ['pw19850312', '密码不能包含身份证号码中连续8位及以上的数字'],
    ['a450102198503120017', '密码不能包含身份证号码后六位'],
  ])('refuses %s: %s', (password, message) => {
    expect(passwordPolicyProblem(password, { username: 'zhang2026ops', idNumber: id })).toBe(message);
  });

  it('accepts a password that keeps every rule', () => {
    expect(passwordPolicyProblem('Guangxi2026nn', { username: 'zhang2026ops', idNumber: id })).toBeNull();
    expect(passwordPolicyProblem('Guangxi2026nn')).toBeNull();
  });

  it('checks the ID number whatever the case of its X', () => {
    expect(passwordPolicyProblem('ab0312001x', { idNumber: '45010219850312001X' })).toBe(
      '密码不能包含身份证号码后六位',
    );
  });
});

describe('on the server', async () => {
  const t = await createTestApp();
  afterAll(() => t.close());

  it('修改密码 refuses the username as the new password (any case), naming newPassword', async () => {
    const op = await buildAccount(t.db, { kind: 'operator', username: 'liwei2026ops' });
    const c = await loggedIn(t, op.username, PASSWORD);
    const res = await c.post('/api/me/password', { oldPassword: PASSWORD, newPassword: 'LiWei2026ops' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: 'newPassword', reason: '密码不能与用户名相同' }]);
    // The old password still works: nothing was changed.
    expect((await t.client().login(op.username, PASSWORD)).statusCode).toBe(200);
  });

  it('修改密码 refuses 8 consecutive digits of the ID number (the birth date)', async () => {
    const p = await buildProfessional(t.db, { idNumber: idNumber({ birth: '19790423' }) });
    const c = await loggedIn(t, p.username, PASSWORD);
    const res = await c.post('/api/me/password', { oldPassword: PASSWORD, newPassword: 'nn19790423' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { field: 'newPassword', reason: '密码不能包含身份证号码中连续8位及以上的数字' },
    ]);
    const ok = await c.post('/api/me/password', { oldPassword: PASSWORD, newPassword: 'Bagui2026hu' });
    expect(ok.statusCode).toBe(200);
  });

  it('注册 refuses a password made of the ID number’s digits, naming password', async () => {
    const unit = await buildUnit(t.db);
    const id = idNumber({ birth: '19880716' });
    const attempt = registerProfessional(
      t.db,
      { idNumber: id, name: '韦秀兰', phone: '13907710001', unitId: unit.id, password: `Wx${id.slice(0, 10)}` },
      '127.0.0.1',
    );
    await expect(attempt).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [{ field: 'password', reason: '密码不能包含身份证号码中连续8位及以上的数字' }],
    });
    await expect(
      registerProfessional(
        t.db,
        { idNumber: id, name: '韦秀兰', phone: '13907710001', unitId: unit.id, password: 'Liuzhou2026' },
        '127.0.0.1',
      ),
    ).resolves.toMatchObject({ id: expect.any(Number) });
  });
});
