// Administrative divisions of Guangxi per GB/T 2260 as published by the Ministry of Civil Affairs
// (current through the 2019–2021 changes: 田阳区, 荔浦市, 平果市, 横州市). 14 prefecture-level
// cities and 111 county-level divisions (41 districts, 10 county-level cities, 48 counties,
// 12 autonomous counties). People's ID numbers may still carry retired codes (e.g. 450127 横县);
// those are valid ID numbers but are not listed here because users pick current divisions.

export type RegionLevel = 'province' | 'city' | 'county';

export interface Region {
  code: string;
  name: string;
  parentCode: string | null;
  level: RegionLevel;
}

type County = readonly [code: string, name: string];

// Nested by city so a county filed under the wrong city shows up in review and in the tests.
const CITIES: readonly { code: string; name: string; counties: readonly County[] }[] = [
  {
    code: '450100',
    name: '南宁市',
    counties: [
      ['450102', '兴宁区'],
      ['450103', '青秀区'],
      ['450105', '江南区'],
      ['450107', '西乡塘区'],
      ['450108', '良庆区'],
      ['450109', '邕宁区'],
      ['450110', '武鸣区'],
      ['450123', '隆安县'],
      ['450124', '马山县'],
      ['450125', '上林县'],
      ['450126', '宾阳县'],
      ['450181', '横州市'],
    ],
  },
  {
    code: '450200',
    name: '柳州市',
    counties: [
      ['450202', '城中区'],
      ['450203', '鱼峰区'],
      ['450204', '柳南区'],
      ['450205', '柳北区'],
      ['450206', '柳江区'],
      ['450222', '柳城县'],
      ['450223', '鹿寨县'],
      ['450224', '融安县'],
      ['450225', '融水苗族自治县'],
      ['450226', '三江侗族自治县'],
    ],
  },
  {
    code: '450300',
    name: '桂林市',
    counties: [
      ['450302', '秀峰区'],
      ['450303', '叠彩区'],
      ['450304', '象山区'],
      ['450305', '七星区'],
      ['450311', '雁山区'],
      ['450312', '临桂区'],
      ['450321', '阳朔县'],
      ['450323', '灵川县'],
      ['450324', '全州县'],
      ['450325', '兴安县'],
      ['450326', '永福县'],
      ['450327', '灌阳县'],
      ['450328', '龙胜各族自治县'],
      ['450329', '资源县'],
      ['450330', '平乐县'],
      ['450332', '恭城瑶族自治县'],
      ['450381', '荔浦市'],
    ],
  },
  {
    code: '450400',
    name: '梧州市',
    counties: [
      ['450403', '万秀区'],
      ['450405', '长洲区'],
      ['450406', '龙圩区'],
      ['450421', '苍梧县'],
      ['450422', '藤县'],
      ['450423', '蒙山县'],
      ['450481', '岑溪市'],
    ],
  },
  {
    code: '450500',
    name: '北海市',
    counties: [
      ['450502', '海城区'],
      ['450503', '银海区'],
      ['450512', '铁山港区'],
      ['450521', '合浦县'],
    ],
  },
  {
    code: '450600',
    name: '防城港市',
    counties: [
      ['450602', '港口区'],
      ['450603', '防城区'],
      ['450621', '上思县'],
      ['450681', '东兴市'],
    ],
  },
  {
    code: '450700',
    name: '钦州市',
    counties: [
      ['450702', '钦南区'],
      ['450703', '钦北区'],
      ['450721', '灵山县'],
      ['450722', '浦北县'],
    ],
  },
  {
    code: '450800',
    name: '贵港市',
    counties: [
      ['450802', '港北区'],
      ['450803', '港南区'],
      ['450804', '覃塘区'],
      ['450821', '平南县'],
      ['450881', '桂平市'],
    ],
  },
  {
    code: '450900',
    name: '玉林市',
    counties: [
      ['450902', '玉州区'],
      ['450903', '福绵区'],
      ['450921', '容县'],
      ['450922', '陆川县'],
      ['450923', '博白县'],
      ['450924', '兴业县'],
      ['450981', '北流市'],
    ],
  },
  {
    code: '451000',
    name: '百色市',
    counties: [
      ['451002', '右江区'],
      ['451003', '田阳区'],
      ['451022', '田东县'],
      ['451024', '德保县'],
      ['451026', '那坡县'],
      ['451027', '凌云县'],
      ['451028', '乐业县'],
      ['451029', '田林县'],
      ['451030', '西林县'],
      ['451031', '隆林各族自治县'],
      ['451081', '靖西市'],
      ['451082', '平果市'],
    ],
  },
  {
    code: '451100',
    name: '贺州市',
    counties: [
      ['451102', '八步区'],
      ['451103', '平桂区'],
      ['451121', '昭平县'],
      ['451122', '钟山县'],
      ['451123', '富川瑶族自治县'],
    ],
  },
  {
    code: '451200',
    name: '河池市',
    counties: [
      ['451202', '金城江区'],
      ['451203', '宜州区'],
      ['451221', '南丹县'],
      ['451222', '天峨县'],
      ['451223', '凤山县'],
      ['451224', '东兰县'],
      ['451225', '罗城仫佬族自治县'],
      ['451226', '环江毛南族自治县'],
      ['451227', '巴马瑶族自治县'],
      ['451228', '都安瑶族自治县'],
      ['451229', '大化瑶族自治县'],
    ],
  },
  {
    code: '451300',
    name: '来宾市',
    counties: [
      ['451302', '兴宾区'],
      ['451321', '忻城县'],
      ['451322', '象州县'],
      ['451323', '武宣县'],
      ['451324', '金秀瑶族自治县'],
      ['451381', '合山市'],
    ],
  },
  {
    code: '451400',
    name: '崇左市',
    counties: [
      ['451402', '江州区'],
      ['451421', '扶绥县'],
      ['451422', '宁明县'],
      ['451423', '龙州县'],
      ['451424', '大新县'],
      ['451425', '天等县'],
      ['451481', '凭祥市'],
    ],
  },
];

export const PROVINCE_CODE = '450000';

export const GUANGXI_REGIONS: readonly Region[] = [
  { code: PROVINCE_CODE, name: '广西壮族自治区', parentCode: null, level: 'province' },
  ...CITIES.flatMap((city): Region[] => [
    { code: city.code, name: city.name, parentCode: PROVINCE_CODE, level: 'city' },
    ...city.counties.map(([code, name]): Region => ({ code, name, parentCode: city.code, level: 'county' })),
  ]),
];

export const CITY_CODES: readonly string[] = CITIES.map((c) => c.code);

export const COUNTY_CODES: readonly string[] = GUANGXI_REGIONS.filter((r) => r.level === 'county').map((r) => r.code);

const NAME_BY_CODE = new Map(GUANGXI_REGIONS.map((r) => [r.code, r.name]));

/** The division's own name (e.g. 青秀区), or undefined for a code not in the current list. */
export function regionName(code: string): string | undefined {
  return NAME_BY_CODE.get(code);
}
