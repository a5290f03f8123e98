/** Where the toolkit's own package lives, found from the source tree (`cli/`) and the build (`dist/cli/`) alike. */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The fields of the toolkit's package.json the CLI reads. */
export interface ToolkitManifest {
  readonly name: string;
  readonly version: string;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
}

/** The folder of the toolkit's package.json and the manifest itself, or undefined outside the package. */
export function toolkitPackage(): { readonly root: string; readonly manifest: ToolkitManifest } | undefined {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<ToolkitManifest>;
      if (manifest.name === 'cdktf-signoz-alerts' && typeof manifest.version === 'string') return { root: dir, manifest: manifest as ToolkitManifest };
    }
  }
  return undefined;
}
