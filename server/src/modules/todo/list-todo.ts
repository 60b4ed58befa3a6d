import type { TodoList } from '@ptce/contracts';
import type { Caller } from '../auth/index';
import { TODO_PROVIDERS, type TodoProvider } from './providers';

/** 待办: every provider's items for the caller, in the registry's order. */
export async function listTodo(ctx: Caller, providers: readonly TodoProvider[] = TODO_PROVIDERS): Promise<TodoList> {
  const parts = await Promise.all(providers.map((p) => p(ctx)));
  return { items: parts.flat() };
}
