// Writes data/sanctions.json: 200 deterministic sanction records (newest listing first), the
// in-memory data both sides of the engine benchmark load. Rerun only to change the data set.
import { writeFileSync } from 'node:fs';

let seed = 20241123;
const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (items) => items[Math.floor(next() * items.length)];
const pad = (n, width) => String(n).padStart(width, '0');
const day = (date) => date.toISOString().slice(0, 10);

const courts = [
  { code: 'J11', name: '北京市第一中级人民法院', province: '北京市' },
  { code: 'J12', name: '北京市第二中级人民法院', province: '北京市' },
  { code: 'K01', name: '上海市第一中级人民法院', province: '上海市' },
  { code: 'S21', name: '广州市中级人民法院', province: '广东省' },
  { code: 'S22', name: '深圳市中级人民法院', province: '广东省' },
  { code: 'E01', name: '杭州市中级人民法院', province: '浙江省' },
];
const abbreviations = { J11: '京01', J12: '京02', K01: '沪01', S21: '粤01', S22: '粤03', E01: '浙01' };
const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const firms = ['华信建设工程有限公司', '恒远商贸有限公司', '东方明珠物流有限公司', '新锐科技股份有限公司', '宏达置业有限公司'];
const liftReasons = ['已履行全部义务', '与申请执行人达成和解并履行', '信用修复，提前屏蔽', '人民法院纠正错误决定'];

const sanctions = [];
for (let i = 0; i < 200; i++) {
  const court = pick(courts);
  const listed = new Date(Date.UTC(2021, 0, 1) + Math.floor(next() * 1400) * 86_400_000);
  const kind = pick(['DISHONEST_DEBTOR', 'DISHONEST_DEBTOR', 'CONSUMPTION_RESTRICTION', 'EXIT_BAN']);
  const status = pick(['ACTIVE', 'ACTIVE', 'ACTIVE', 'LIFTED', 'EXPIRED']);
  const person = next() < 0.6;
  const periodEnd = kind === 'DISHONEST_DEBTOR' && next() < 0.7 ? new Date(listed.getTime() + 2 * 365 * 86_400_000) : null;
  const lifted = status === 'LIFTED' ? new Date(listed.getTime() + Math.floor(30 + next() * 300) * 86_400_000) : null;
  sanctions.push({
    id: `sanction-${pad(i + 1, 5)}`,
    kind,
    status,
    court,
    caseNumber: `(${listed.getUTCFullYear()})${abbreviations[court.code]}执${Math.floor(100 + next() * 9000)}号`,
    debtor: person
      ? { name: `${pick(surnames)}*`, publicId: `1101**********${pad(Math.floor(next() * 10000), 4)}`, kind: 'PERSON' }
      : { name: `${pick(['北京', '上海', '广州', '深圳', '杭州'])}${pick(firms)}`, publicId: `91${pad(Math.floor(next() * 1e8), 8)}MA${pad(Math.floor(next() * 1e6), 6)}`, kind: 'ORGANISATION' },
    listedOn: day(listed),
    periodEnd: periodEnd ? day(periodEnd) : null,
    liftedOn: lifted ? day(lifted) : null,
    liftReason: lifted ? pick(liftReasons) : null,
    basis: next() < 0.5 ? '有履行能力而拒不履行生效法律文书确定义务' : null,
  });
}
sanctions.sort((a, b) => (a.listedOn < b.listedOn ? 1 : a.listedOn > b.listedOn ? -1 : a.id.localeCompare(b.id)));
writeFileSync(new URL('../data/sanctions.json', import.meta.url), JSON.stringify(sanctions, null, 1) + '\n');
console.log(`wrote ${sanctions.length} sanctions`);
