import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../../constructs/util/write-file-atomic';
import { tempDir } from '../support/temp-dir';

describe('writeFileAtomic', () => {
  const dir = tempDir('atomic-');

  it('creates the folder, writes the whole content and leaves no temporary file', () => {
    const file = path.join(dir, 'reports', 'junit.xml');
    writeFileAtomic(file, '<testsuites/>\n');
    writeFileAtomic(file, '<testsuites tests="1"/>\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('<testsuites tests="1"/>\n');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['junit.xml']);
  });

  it('throws and leaves nothing behind when the target cannot be replaced', () => {
    const target = path.join(dir, 'taken');
    fs.mkdirSync(path.join(target, 'inside'), { recursive: true });
    expect(() => writeFileAtomic(target, 'x')).toThrow();
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
