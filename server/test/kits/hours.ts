/**
 * The body of 新登记培训 (POST /api/hours/records) as the form sends it: a two-day training in May 2024, the year the
 * hours suites run in; `over` changes any field (another title makes another training: the same one twice is refused).
 */
export const trainingBody = (over: Record<string, unknown> = {}) => ({
  activityType: 'training',
  title: '医院感染预防与控制专题培训班',
  organizer: '广西壮族自治区卫生健康委员会',
  place: '南宁市',
  startDate: '2024-05-06',
  startHalf: 'am',
  endDate: '2024-05-07',
  endHalf: 'pm',
  remarks: '',
  declared: true,
  ...over,
});
