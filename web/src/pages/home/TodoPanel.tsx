import { Card } from 'antd';
import { Link } from 'react-router';
import { useTodo } from '../../api/todo';
import { ErrorAlert } from '../../components/ErrorAlert';
import './todo.css';

/**
 * 待办事项 on the 用户管理中心: what waits for the user, each count a link to the list it counts, already
 * filtered (GET /api/todo; the server decides what concerns whom and counts within the user's scope).
 */
export function TodoPanel() {
  const todo = useTodo();
  if (todo.isError) return <ErrorAlert error={todo.error} title="待办事项加载失败" />;
  const items = todo.data?.items;
  if (!items || items.length === 0) return null;
  const waiting = items.some((i) => i.count > 0);
  return (
    <Card title="待办事项" size="small" className="ptce-section">
      <ul className="ptce-todo" aria-label="待办事项">
        {items.map((i) => (
          <li key={i.key} className={i.count > 0 ? 'ptce-todo-item' : 'ptce-todo-item ptce-todo-none'}>
            <Link to={i.link} className="ptce-todo-link" data-todo={i.key}>
              <span className="ptce-todo-label">{i.label}</span>
              <span className="ptce-todo-count">{i.count}</span>
            </Link>
            {i.hint && i.count > 0 && <div className="ptce-todo-hint">{i.hint}</div>}
          </li>
        ))}
      </ul>
      {!waiting && <p className="ptce-todo-empty">暂无需要处理的事项。</p>}
    </Card>
  );
}
