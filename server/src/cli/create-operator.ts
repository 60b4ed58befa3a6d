/**
 * npm run create-operator -- --username NAME [--name 姓名] [--generate]
 *
 * Creates a 平台运营 (operator) account — the first login of a production install, where no demo data
 * is loaded. The password is asked for twice on a terminal (read from the first line of standard
 * input when that is not a terminal), or generated with --generate and shown once. It must keep the
 * password policy; the account must change it at first login. The creation is audited.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { passwordPolicyProblem } from '@ptce/contracts';
import { and, eq } from 'drizzle-orm';
import { hashPassword } from '../auth/passwords';
import { now } from '../clock';
import { accounts } from '../db/schema/index';
import { isUniqueViolation } from '../db/sql-helpers';
import { writeAudit } from '../modules/audit/index';
import { CommandError, openConfiguredDatabase, runCommand } from './open-database';

const USAGE = 'Usage: npm run create-operator -- --username NAME [--name 姓名] [--generate]';
const USERNAME = /^[A-Za-z][A-Za-z0-9_.-]{2,31}$/;

// No 0/O, 1/l/I: read off a screen and typed once.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** 16 random characters with at least one letter and one digit (about 93 bits). */
export function generatePassword(): string {
  for (;;) {
    const bytes = crypto.randomBytes(32);
    let out = '';
    for (const b of bytes) {
      if (b >= 224) continue; // 224 = 4 × 56: unbiased
      out += ALPHABET[b % ALPHABET.length];
      if (out.length === 16) break;
    }
    if (out.length === 16 && /[A-Za-z]/.test(out) && /\d/.test(out)) return out;
  }
}

/** Reads a line from the terminal without echoing it. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
    let asked = false;
    out._writeToOutput = (s: string) => {
      if (!asked) out.output.write(s);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    asked = true;
  });
}

async function readFirstLine(): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  throw new CommandError('No password given on standard input (or use --generate).');
}

async function main(): Promise<number> {
  let values: { username?: string; name?: string; generate?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        username: { type: 'string' },
        name: { type: 'string' },
        generate: { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (e) {
    throw new CommandError(`${(e as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const username = values.username?.trim();
  if (!username) throw new CommandError(USAGE);
  if (!USERNAME.test(username)) throw new CommandError('用户名须以字母开头，3–32位字母、数字、下划线、点或连字符');
  const name = values.name?.trim() || '平台运营管理员';
  if (name.length < 2 || name.length > 30) throw new CommandError('姓名须为2–30个字符');

  const { database } = await openConfiguredDatabase();
  try {
    const db = database.db;
    const [taken] = await db
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.realm, 'authority'), eq(accounts.username, username)));
    if (taken) throw new CommandError(`用户名 ${username} 已存在，未创建账号`);

    let password: string;
    if (values.generate) {
      password = generatePassword();
    } else if (process.stdin.isTTY) {
      password = await askHidden('密码: ');
      const problem = passwordPolicyProblem(password, { username });
      if (problem) throw new CommandError(problem);
      if ((await askHidden('再次输入密码: ')) !== password) throw new CommandError('两次输入的密码不一致');
    } else {
      password = await readFirstLine();
    }
    const problem = passwordPolicyProblem(password, { username });
    if (problem) throw new CommandError(problem);

    const at = now();
    const passwordHash = await hashPassword(password);
    let id: number;
    try {
      id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(accounts)
          .values({
            kind: 'operator',
            realm: 'authority',
            username,
            name,
            passwordHash,
            mustChangePassword: true,
            loginEnabled: true,
            createdAt: at,
            updatedAt: at,
          })
          .returning({ id: accounts.id });
        await writeAudit(
          tx,
          { actor: null, ip: null },
          {
            action: 'account.operator.create',
            targetType: 'account',
            targetId: row!.id,
            detail: {
              username,
              name,
              via: 'create-operator',
              osUser: os.userInfo().username,
              host: os.hostname(),
              generated: Boolean(values.generate),
            },
          },
        );
        return row!.id;
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new CommandError(`用户名 ${username} 已存在，未创建账号`);
      throw e;
    }
    console.log(`已创建平台运营账号 ${username}（${name}，账号 ID ${id}），首次登录须修改密码。`);
    if (values.generate) {
      console.log(`初始密码（只显示这一次，请妥善转交）：${password}`);
    }
    return 0;
  } finally {
    await database.close();
  }
}

runCommand(main);
