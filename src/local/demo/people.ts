/**
 * The demo's cast: a sales team of six (a director, two managers, three salespeople; Chinese and
 * English names, as in the domain rules' "a day with Client Tracker"), and the material client names,
 * contact people and conversations are drawn from.
 */
import type { Lang } from '../../core/i18n';
import type { Role } from '../../core/lists';

export interface DemoPerson {
  name: string;
  email: string;
  role: Role;
  manager: string;
  language: Lang;
}

export const TEAM: readonly DemoPerson[] = [
  { name: '张伟', email: 'zhang.wei@example.com', role: 'salesperson', manager: '李娜', language: 'zh-CN' },
  { name: 'Amy Liu', email: 'amy.liu@example.com', role: 'salesperson', manager: '李娜', language: 'en' },
  { name: 'Tom Baker', email: 'tom.baker@example.com', role: 'salesperson', manager: 'David Chen', language: 'en' },
  { name: '李娜', email: 'li.na@example.com', role: 'manager', manager: '王建国', language: 'zh-CN' },
  { name: 'David Chen', email: 'david.chen@example.com', role: 'manager', manager: '王建国', language: 'en' },
  { name: '王建国', email: 'wang.jianguo@example.com', role: 'director', manager: '', language: 'zh-CN' },
];

export function person(name: string): DemoPerson {
  const found = TEAM.find((p) => p.name === name);
  if (!found) throw new Error(`No demo person ${name}`);
  return found;
}

/** What a salesperson writes, in their own language. */
export interface Words {
  titles: readonly string[];
  streets: readonly string[];
  needs: readonly string[];
  competitors: readonly string[];
  summaries: readonly string[];
  objections: readonly string[];
  topics: readonly string[];
  notes: readonly string[];
}

export const ZH = {
  surnames: [
    '王',
    '李',
    '张',
    '刘',
    '陈',
    '杨',
    '黄',
    '赵',
    '周',
    '吴',
    '徐',
    '孙',
    '马',
    '朱',
    '胡',
    '郭',
    '何',
    '林',
    '罗',
    '高',
  ],
  given: [
    '伟',
    '芳',
    '敏',
    '静',
    '丽',
    '强',
    '磊',
    '洋',
    '艳',
    '勇',
    '军',
    '杰',
    '娟',
    '涛',
    '明',
    '超',
    '秀英',
    '桂英',
    '建华',
    '志强',
  ],
  companyStems: [
    '华信',
    '金地',
    '恒通',
    '鼎盛',
    '瑞丰',
    '宏达',
    '中联',
    '天成',
    '远航',
    '新元',
    '博远',
    '嘉禾',
    '海纳',
    '盛世',
    '同创',
  ],
  companyKinds: [
    '科技有限公司',
    '实业有限公司',
    '建材商行',
    '物业管理有限公司',
    '装饰工程有限公司',
    '贸易有限公司',
    '酒店',
    '学校',
  ],
  estates: ['金地花园', '阳光城', '翠湖苑', '滨江名邸', '锦绣家园', '碧桂园', '万科城', '保利香槟'],
  workUnits: ['电力局家属院', '市一中集资房', '供电公司宿舍', '税务局集资楼', '铁路新村'],
  titles: ['总经理', '采购经理', '行政主管', '业主', '副总', '办公室主任', '财务总监', '项目经理'],
  streets: ['人民路', '解放路', '建设大道', '中山路', '滨河路', '高新区科技路'],
  needs: [
    '全屋净水 1 套',
    '办公楼净水 12 台',
    '新房装修净水系统',
    '学校直饮水 30 台',
    '酒店客房净水 80 间',
    '别墅中央净水',
  ],
  competitors: ['美的', '沁园', '安吉尔', '3M', 'A.O.史密斯'],
  summaries: [
    '介绍了产品和售后服务，客户表示有兴趣，约好下周上门看现场。',
    '客户问了价格和安装周期，发了报价单。',
    '现场考察完成，客户对水质检测结果很关注。',
    '和决策人通了电话，确认预算在审批中。',
    '客户还在比较几家品牌，需要再发一次案例资料。',
    '节日问候，顺便了解装修进度。',
    '送了滤芯更换提醒，客户满意度不错。',
    '客户说最近忙，下个月再联系。',
    '讨论了合同条款和付款方式。',
    '客户介绍了邻居也有需求。',
  ],
  objections: ['价格比别家高', '担心安装会破坏装修', '滤芯更换成本', '要和家人商量', '售后响应速度', '要看更多案例'],
  topics: ['发报价单', '上门测水质', '约决策人面谈', '送案例资料', '确认安装时间', '回访满意度', '谈合同条款'],
  notes: [
    '决策路线：业主本人拍板，夫人意见很重要',
    '关心水质和儿童健康',
    '破冰点：喜欢钓鱼',
    '老客户转介绍，信任度高',
    '对价格敏感',
  ],
} as const satisfies Words & Record<string, readonly string[]>;

export const EN = {
  first: [
    'James',
    'Emma',
    'Oliver',
    'Sophia',
    'Liam',
    'Mia',
    'Noah',
    'Grace',
    'Ethan',
    'Chloe',
    'Lucas',
    'Hannah',
    'Ryan',
    'Zoe',
  ],
  last: ['Smith', 'Wong', 'Taylor', 'Brown', 'Lee', 'Walker', 'Harris', 'Martin', 'Clarke', 'Young', 'King', 'Wright'],
  companyStems: [
    'Harbor',
    'Summit',
    'Bluewater',
    'Northgate',
    'Crestview',
    'Riverside',
    'Oakwood',
    'Pinnacle',
    'Lakeside',
  ],
  companyKinds: [
    'Logistics Ltd',
    'Dental Clinic',
    'Hotel',
    'Property Management',
    'Fitness Club',
    'Cafe',
    'Academy',
    'Offices',
  ],
  titles: [
    'Owner',
    'Purchasing manager',
    'Office manager',
    'Facilities manager',
    'CEO',
    'Homeowner',
    'Operations director',
  ],
  streets: ['Harbour Road', 'Queen Street', 'Park Avenue', 'Hill Road', 'Station Lane', 'Market Street'],
  needs: [
    'Whole-house filtration',
    '12 office dispensers',
    'Filtration for a new build',
    '30 school fountains',
    '80 hotel rooms',
  ],
  competitors: ['Brita Pro', 'Culligan', 'AquaPure', '3M'],
  summaries: [
    'Walked through the product range; interested, site visit booked for next week.',
    'Asked about price and installation time; sent the quote.',
    'Site survey done; the water test results got their attention.',
    'Spoke with the decision maker; budget is in approval.',
    'Still comparing three brands; sending two case studies.',
    'Holiday greeting; asked how the renovation is going.',
    'Filter replacement reminder; happy with the service so far.',
    'Busy this month, call back next month.',
    'Went through the contract terms and payment schedule.',
    'Referred a neighbour who also needs a system.',
  ],
  objections: [
    'More expensive than others',
    'Worried about installation mess',
    'Cost of filters',
    'Needs to ask the partner',
    'Service response time',
    'Wants references',
  ],
  topics: [
    'Send the quote',
    'Water test on site',
    'Meet the decision maker',
    'Send case studies',
    'Fix the install date',
    'Satisfaction call',
    'Contract terms',
  ],
  notes: [
    'Decision path: owner decides, CFO signs',
    'Cares about staff health',
    'Ice-breaker: sailing',
    'Referred by a happy customer',
    'Price-sensitive',
  ],
} as const satisfies Words & Record<string, readonly string[]>;

/** The demo's made-up notes by language; a language without its own gets the English ones. */
const WORDS: { readonly [L in Lang]?: Words } = { en: EN, 'zh-CN': ZH };

export function wordsOf(lang: Lang): Words {
  return WORDS[lang] ?? EN;
}
