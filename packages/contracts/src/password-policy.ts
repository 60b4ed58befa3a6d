/**
 * The password policy (等保 2.0): at least 8 characters with letters and digits, not the username and
 * nothing of the ID number a colleague could know (its last six — the initial-password rule — or any
 * 8 consecutive characters of it, such as the birth date). Used by the server on every password a
 * person chooses and by the web forms, so both give the same message.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export interface PasswordOwner {
  username?: string | null;
  idNumber?: string | null;
}

/** The first rule the password breaks, as a message for the person; null when it is acceptable. */
export function passwordPolicyProblem(password: string, owner: PasswordOwner = {}): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少${PASSWORD_MIN_LENGTH}位，且须同时包含字母和数字`;
  if (password.length > PASSWORD_MAX_LENGTH) return '密码过长';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password))
    return `密码至少${PASSWORD_MIN_LENGTH}位，且须同时包含字母和数字`;
  const lower = password.toLowerCase();
  const username = owner.username?.trim().toLowerCase();
  if (username && lower === username) return '密码不能与用户名相同';
  const id = owner.idNumber?.trim().toUpperCase();
  if (id && id.length >= 8) {
    const upper = password.toUpperCase();
    if (upper.includes(id.slice(-6))) return '密码不能包含身份证号码后六位';
    for (let i = 0; i + 8 <= id.length; i++) {
      if (upper.includes(id.slice(i, i + 8))) return '密码不能包含身份证号码中连续8位及以上的数字';
    }
  }
  return null;
}
