import { describe, expect, it } from 'vitest';
import { asOfText, formatDateTime, genderLabel, hasAnyRole, landingPath, roleLabel, safeNext } from './format';

describe('formatDateTime', () => {
  it('shows times in Asia/Shanghai whatever the zone of the browser', () => {
    expect(formatDateTime('2024-03-05T16:30:09Z')).toBe('2024/03/06 00:30:09');
  });

  it('shows a dash for no time and the raw text for a bad one', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatDateTime('')).toBe('—');
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});

describe('labels', () => {
  it('names the gender', () => {
    expect(genderLabel('male')).toBe('男');
    expect(genderLabel('female')).toBe('女');
    expect(genderLabel(undefined)).toBe('—');
  });

  it('names the roles', () => {
    expect(roleLabel(['unit_admin'])).toBe('单位管理员');
    expect(roleLabel(['unit_admin', 'dept_admin'])).toBe('单位管理员、二级管理员');
    expect(roleLabel([])).toBe('—');
  });

  it('tells whether an account has one of the roles', () => {
    expect(hasAnyRole({ roles: ['professional'] }, ['unit_admin', 'professional'])).toBe(true);
    expect(hasAnyRole({ roles: ['professional'] }, ['operator'])).toBe(false);
  });
});

describe('safeNext', () => {
  it('accepts same-site paths only', () => {
    expect(safeNext('/hours/mine?page=2')).toBe('/hours/mine?page=2');
    expect(safeNext('https://evil.example')).toBeNull();
    expect(safeNext('//evil.example')).toBeNull();
    expect(safeNext('/\\evil.example')).toBeNull();
    expect(safeNext(null)).toBeNull();
  });

  it('never goes back to the sign-in steps', () => {
    expect(safeNext('/login')).toBeNull();
    expect(safeNext('/register')).toBeNull();
    expect(safeNext('/setup/password')).toBeNull();
  });
});

describe('landingPath', () => {
  const done = { mustChangePassword: false, profileComplete: true };

  it('sends a new account through the forced steps first, keeping where it was going', () => {
    expect(landingPath({ ...done, mustChangePassword: true }, '/exams')).toBe('/setup/password?next=%2Fexams');
    expect(landingPath({ ...done, profileComplete: false })).toBe('/setup/profile');
  });

  it('goes to next, else to 用户管理中心', () => {
    expect(landingPath(done, '/exams')).toBe('/exams');
    expect(landingPath(done)).toBe('/');
  });
});

describe('asOfText', () => {
  it('says when the statistics were computed, in Shanghai time, or that they were not yet', () => {
    expect(asOfText('2026-12-07T01:05:00Z')).toBe('数据时间：2026/12/7 09:05');
    expect(asOfText(null)).toBe('数据尚未统计');
  });
});
