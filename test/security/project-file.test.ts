// The action reads `.replicated` / `.replicated.yaml` from the pull request's checkout. A project file
// that is a symlink is the pull request's choice of target: one that resolves outside the workspace
// (a file of the runner's, or a device such as /dev/zero that never ends) must not be read; the run
// stops with an error naming the file. A symlink that stays inside the workspace is read as before.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReplicatedConfig } from '../../src/action/replicated.js';
import { UsageError } from '../../src/model.js';
import { tempDir } from '../helpers/tmp.js';

function layout(): { ws: string; outside: string } {
  const base = tempDir('kots-proxy-sec-project-');
  const ws = join(base, 'ws');
  const outside = join(base, 'outside');
  mkdirSync(ws);
  mkdirSync(outside);
  writeFileSync(join(outside, 'runner.yaml'), 'appSlug: runner-private-slug\nmanifests: ["/etc/*"]\n');
  return { ws, outside };
}

describe('the action reads its project file only from inside the workspace', () => {
  it.each(['.replicated', '.replicated.yaml'])('%s linked to a file outside: refused, not read', (name) => {
    const { ws, outside } = layout();
    symlinkSync(join(outside, 'runner.yaml'), join(ws, name));
    expect(() => readReplicatedConfig(ws)).toThrow(UsageError);
    expect(() => readReplicatedConfig(ws)).toThrow(
      new RegExp(`${name.replace('.', '\\.')}.*outside the workspace`),
    );
  });

  it('.replicated linked to /dev/zero: refused at once instead of read forever', () => {
    const { ws } = layout();
    symlinkSync('/dev/zero', join(ws, '.replicated'));
    expect(() => readReplicatedConfig(ws)).toThrow(UsageError);
  });

  it('control: .replicated linked to .replicated.yaml inside the workspace is read', () => {
    const { ws } = layout();
    writeFileSync(join(ws, '.replicated.yaml'), 'appSlug: acme\n');
    symlinkSync('.replicated.yaml', join(ws, '.replicated'));
    expect(readReplicatedConfig(ws)?.appSlug).toBe('acme');
  });
});

describe('a project file name that is a directory', () => {
  it('is passed over for the next name, as before', () => {
    const { ws } = layout();
    mkdirSync(join(ws, '.replicated'));
    writeFileSync(join(ws, '.replicated.yaml'), 'appSlug: acme\n');
    expect(readReplicatedConfig(ws)?.appSlug).toBe('acme');
  });
});
