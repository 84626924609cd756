// Synthetic bulletins for the API tests, written for them from one template in the genre (names
// invented): bulletin i reports one meeting on its own day, chaired by a minister, with two
// attendees, so that N bulletins give N meetings.
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['建华', '明远', '红梅', '志强', '立新', '晓东', '海涛', '文斌', '春生', '卫平'];
const ORGS = ['交通运输部', '水利部', '商务部', '教育部'];
const KINDS = ['干部大会', '务虚会', '工作会议'];

export const syntheticName = (i: number) => SURNAMES[i % 10]! + GIVEN[Math.floor(i / 10) % 10]!;

export interface SyntheticBulletin {
  source: string;
  text: string;
}

export function syntheticBulletin(i: number): SyntheticBulletin {
  const day = new Date(Date.UTC(2020, 0, 1 + i));
  const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
  const org = ORGS[i % ORGS.length]!;
  const kind = KINDS[i % KINDS.length]!;
  const [chair, a, b] = [syntheticName(i % 7), syntheticName(10 + (i % 40)), syntheticName(50 + (i % 50))];
  return {
    source: `synthetic-${String(i).padStart(4, '0')}.txt`,
    text: `${org}召开${kind}\n${y}年${m}月${d}日，${org}召开${kind}。部党组书记、部长${chair}主持会议并讲话。部领导${a}、${b}出席会议。\n会议强调，要狠抓落实。一是要提高站位。二是要压实责任。`,
  };
}
