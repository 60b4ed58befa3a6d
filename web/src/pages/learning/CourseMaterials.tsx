import { Button, Card, List } from 'antd';
import type { MaterialView } from '@ptce/contracts';

/** 相关资料 of a course, each with its 下载 button; nothing when the course has none. */
export function CourseMaterials({ materials }: { materials: readonly MaterialView[] }) {
  if (materials.length === 0) return null;
  return (
    <Card title="相关资料" size="small" className="ptce-section">
      <List
        dataSource={[...materials]}
        renderItem={(m) => (
          <List.Item
            actions={[
              <Button key="dl" href={m.url} download={m.fileName} aria-label={`下载 ${m.title}`}>
                下载
              </Button>,
            ]}
          >
            <List.Item.Meta title={m.title} description={m.fileName} />
          </List.Item>
        )}
      />
    </Card>
  );
}
