import type { Actor } from '../../auth/actor';
import { maskIdNumber } from '../../domain/id-number';

/**
 * "ID numbers are shown masked except to those who need them." Unit staff (单位账号, 总管理员,
 * 二级管理员) register and import hours by ID number and reconcile exports against their own personnel
 * files, so their exports of their own people carry full ID numbers (every export query is already
 * limited to their unit or department). Everyone else who may export a list — supervising
 * authorities, HR bureaus, the operator — looks at statistics and review results, and gets
 * 450102********1234.
 */
export function showsFullIdNumbers(actor: Actor): boolean {
  return actor.scope === 'unit' || actor.scope === 'department';
}

export function idNumberFormatter(actor: Actor): (id: string | null | undefined) => string {
  const full = showsFullIdNumbers(actor);
  return (id) => (id ? (full ? id.trim() : maskIdNumber(id)) : '');
}
