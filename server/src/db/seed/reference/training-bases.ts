// Attachment 3 of the 2024 notice: national and regional continuing-education bases (as of
// December 2023). Names and phones are copied verbatim from the notice, including the former names
// in brackets, so operators can match them against the document. A "dual" base (双基地) is listed
// once, as national, carrying its regional batch. cityCode is where the base is located (judged
// from the organization and its phone area code) and is not part of the notice.

export interface TrainingBase {
  name: string;
  phone: string;
  national: boolean;
  /** Batch of regional (自治区级) accreditation, null when only national. */
  regionalBatch: string | null;
  dual: boolean;
  cityCode: string;
}

const NANNING = '450100';
const LIUZHOU = '450200';
const GUILIN = '450300';
const QINZHOU = '450700';
const YULIN = '450900';
const BAISE = '451000';

type Row = readonly [name: string, phone: string, batch: string, cityCode: string];

const NATIONAL: readonly Row[] = [
  ['广西壮族自治区人力资源和社会保障培训中心', '0771-5595211', '', NANNING],
  ['广西大学', '0771-3237366', '第二批', NANNING],
  ['广西医科大学', '0771-5358966', '第二批', NANNING],
  ['桂林旅游学院', '0773-5820235', '第一批', GUILIN],
  ['广西师范大学', '0773-5811177', '第四批', GUILIN],
];

// Regional-only bases, in the notice's order (dual ones are in NATIONAL above).
const REGIONAL: readonly Row[] = [
  ['广西交通职业技术学院', '0771-5622036', '第一批', NANNING],
  ['广西民族大学', '0771-3264826', '第三批', NANNING],
  ['广西师范学院（南宁师范大学）', '0771-3908956', '第三批', NANNING],
  ['桂林医学院', '0773-8989020', '第四批', GUILIN],
  ['广西财经学院', '0771-3833926', '第四批', NANNING],
  ['桂林理工大学', '0773-5896879', '第五批', GUILIN],
  ['广西建设职业技术学院', '0771-3371956', '第五批', NANNING],
  ['广西幼儿师范高等专科学校', '0771-5870392', '第五批', NANNING],
  ['桂林电子科技大学', '0773-2232253', '第六批', GUILIN],
  ['广西住房和城乡建设厅培训中心', '0771-2260228', '第六批', NANNING],
  ['北部湾大学（原钦州学院）', '0777-2807283', '第六批', QINZHOU],
  ['广西中医药大学', '0771-3115873', '第七批', NANNING],
  ['广西职业师范学院', '0771-3249027', '第七批', NANNING],
  ['广西玉柴机器集团有限公司', '13768981690', '第七批', YULIN],
  ['广西科技大学', '0772-2684208', '第八批', LIUZHOU],
  ['广西开放大学（原广西广播电视大学）', '0771-5891357', '第八批', NANNING],
  ['广西工商职业技术学院', '0771-6797180', '第八批', NANNING],
  ['南宁职业技术学院', '0771-3806144', '第八批', NANNING],
  ['广西机械工业联合会', '0771-5623405', '第八批', NANNING],
  ['广西创联国培教育咨询有限公司', '0771-3823690', '第八批', NANNING],
  ['百色学院', '0776-2826298', '第九批', BAISE],
  ['广西交通投资集团有限公司', '0771-5811921', '第九批', NANNING],
  ['广西国际商务职业技术学院', '0771-3244221', '第九批', NANNING],
  ['广西会计学会', '0771-2863021', '第九批', NANNING],
  ['广西科学院', '0771-2503917', '第九批', NANNING],
  ['广西工业职业技术学院', '0771-3828101', '第九批', NANNING],
  ['玉林师范学院', '0775-2820241', '第九批', YULIN],
  ['广西职业技术学院', '0771-4213405', '第九批', NANNING],
  ['柳州职业技术学院', '0772-3156275', '第九批', LIUZHOU],
  ['广西北部湾投资集团有限公司', '0771-2553027', '第十批', NANNING],
  ['广西机电技师学院', '0772-3811900', '第十批', LIUZHOU],
  ['右江民族医学院', '0776-2849488', '第十批', BAISE],
  ['广西壮族自治区自然资源管理干部培训中心', '0771-3196121', '第十批', NANNING],
  ['广西水利电力职业技术学院', '0771-2085104', '第十批', NANNING],
  ['柳州城市职业学院', '0772-2756168', '第十批', LIUZHOU],
];

export const TRAINING_BASES: readonly TrainingBase[] = [
  ...NATIONAL.map(([name, phone, batch, cityCode]): TrainingBase => ({
    name,
    phone,
    national: true,
    regionalBatch: batch || null,
    dual: batch !== '',
    cityCode,
  })),
  ...REGIONAL.map(([name, phone, batch, cityCode]): TrainingBase => ({
    name,
    phone,
    national: false,
    regionalBatch: batch,
    dual: false,
    cityCode,
  })),
];
