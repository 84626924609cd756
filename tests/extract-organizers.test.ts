// Who convened a meeting, where the words before 召开 do not simply name a body. Bulletins written
// for these tests; the names are invented.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/ingest/pipeline.ts';

const organizers = (title: string, body: string) => extractText('t.txt', `${title}\n${body}`).meetings.map((m) => m.organizer);

describe('organizer', () => {
  it('is not the audience a lecture was given for', () => {
    expect(
      organizers(
        '贵州省水利厅举办专题党课',
        '2022年4月12日上午，贵州省水利厅党组书记、厅长李晓明以“以自我革命精神推进全面从严治党”为题，为厅机关党员干部讲授专题党课。厅领导班子成员参加。',
      ),
    ).toEqual(['贵州省水利厅']);
  });

  it('is the body, not its party group, where a chair convenes a meeting not named for the party group', () => {
    const body = (meeting: string) =>
      `2023年12月26日下午，自然资源部党组书记、部长张立岩主持召开${meeting}，听取有关方面对地质灾害防治工作的意见建议。部党组成员、副部长刘卫东出席会议。`;
    expect(organizers('自然资源部召开离退休干部座谈会', body('离退休干部座谈会'))).toEqual(['自然资源部']);
    expect(organizers('自然资源部召开2024年部务虚会', body('2024年部务虚会'))).toEqual(['自然资源部']);
    // A meeting named for the party group stays the party group's.
    expect(organizers('张立岩主持召开部党组会议', body('部党组会议'))).toEqual(['自然资源部党组']);
  });

  it('is not the centre whose instructions the bulletin relays when the bulletin names no body of its own', () => {
    const r = extractText(
      't.txt',
      '王成峰主持召开委党组会议\n2020年1月6日上午，委党组书记、主任王成峰主持召开委党组会议，传达学习习近平总书记重要讲话精神和党中央决策部署，研究部署贯彻落实工作。',
    );
    expect(r.meetings.map((m) => m.organizer)).toEqual([null]);
    expect(r.organizations.map((o) => o.name)).not.toContain('党中央党组');
  });

  it('is the body a passive 工作会议在京召开 bulletin names first after the centre, as a body and not its party group', () => {
    expect(
      organizers(
        '2018年全国教育工作会议在京召开',
        '2018年1月24日至25日，2018年全国教育工作会议在京召开。会议传达学习党中央、国务院关于教育工作的决策部署。教育部党组书记、部长陈宝林出席会议并作工作报告。',
      ),
    ).toEqual(['教育部']);
  });
});
