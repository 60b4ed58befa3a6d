import { useQuery } from '@tanstack/react-query';
import type { TodoList } from '@ptce/contracts';
import { api } from './client';

/** GET /api/todo — what waits for the signed-in user on the 用户管理中心 (counts and the lists they open). */
export function useTodo() {
  return useQuery({
    queryKey: ['todo'],
    queryFn: ({ signal }) => api<TodoList>('/api/todo', { signal }),
    staleTime: 0, // a decision elsewhere changes the counts: fresh on every visit
  });
}
