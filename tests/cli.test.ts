// The command line, run as a user runs it.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = new URL('../bin/bulletin-graph.js', import.meta.url).pathname;
const SEED = new URL('../seeds/000_0e1c59be9f5b0e63.txt', import.meta.url).pathname;

describe('bulletin-graph', () => {
  it('extract --json prints the contract without touching a database', async () => {
    const { stdout } = await run('node', [BIN, 'extract', SEED, '--json'], { env: { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:1' } });
    const out = JSON.parse(stdout);
    expect(out.bulletin.title).toBe('工业和信息化部召开“不忘初心、牢记使命”主题教育动员部署会');
    expect(out.meetings[0]).toMatchObject({ date: '2019-06-06', organizer: '工业和信息化部', form: '电视电话会议' });
    expect(out.people.map((p: { name: string }) => p.name).sort()).toEqual(['习近平', '范小建', '苗圩'].sort());
  }, 30_000);

  it('has --help on every command, and fails clearly on bad input', async () => {
    for (const command of ['serve', 'ingest', 'extract', 'neo4j', 'schema']) {
      const { stdout } = await run('node', [BIN, command, '--help']);
      expect(stdout, command).toMatch(new RegExp(`Usage: bulletin-graph ${command}`));
    }
    const failed = await run('node', [BIN, 'extract', '/nonexistent/x.txt']).catch((e) => e);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('/nonexistent/x.txt: cannot read: ENOENT');
    const unknown = await run('node', [BIN, 'frobnicate']).catch((e) => e);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown command 'frobnicate'");
  }, 60_000);
});
