import crypto from 'node:crypto';

/**
 * A request's id: ten upper-case hexadecimal characters (40 random bits). It is the 错误编号 shown with an unexpected
 * error and the `reqId` of every log line of the request, so the operations staff find the error from what the user
 * reads out on the phone.
 */
export function newRequestId(): string {
  return crypto.randomBytes(5).toString('hex').toUpperCase();
}

/** The message of an unexpected error, with the 错误编号 to quote to the help desk. */
export function withReference(message: string, reference: string): string {
  return `${message}（错误编号：${reference}，如问题持续请联系客服并提供此编号）`;
}
