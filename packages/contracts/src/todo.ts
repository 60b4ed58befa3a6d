import { z } from 'zod';

/** 待办: one thing waiting for the caller on the 用户管理中心, with the list that shows it. */
export const TodoItem = z.object({
  /** Stable key (e.g. `hours-review`), for tests and the web's icons. */
  key: z.string(),
  label: z.string(),
  count: z.number().int().min(0),
  /** The page inside the 用户管理中心 that lists these, with its filter in the query string. */
  link: z.string(),
  /** A short note under the label (a deadline), or null. */
  hint: z.string().nullable(),
});
export type TodoItem = z.infer<typeof TodoItem>;

export const TodoList = z.object({ items: z.array(TodoItem) });
export type TodoList = z.infer<typeof TodoList>;
