import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { projectRoot } from '../../src/paths.js';

/** The build `npm start` runs, as tsc reads it. */
function buildConfig() {
  const file = join(projectRoot, 'tsconfig.build.json');
  const { config } = ts.readConfigFile(file, ts.sys.readFile) as { config: unknown };
  return ts.parseJsonConfigFileContent(config, ts.sys, projectRoot, undefined, file);
}

describe('build: npm start compiles only what changed', () => {
  it('keeps its build state in dist, so a removed dist builds everything again', () => {
    const { options } = buildConfig();
    expect(options.incremental).to.equal(true);
    const state = relative(projectRoot, options.tsBuildInfoFile ?? '');
    expect(state.startsWith(`${relative(projectRoot, options.outDir ?? '')}/`), state).to.equal(true);
    const scripts = (
      JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(scripts['prestart']).to.equal('tsc -b tsconfig.build.json');
  });

  it('lists every file the build compiles among its inputs, so editing a catalogue rebuilds it', () => {
    // `tsc -b` decides "up to date" from the listed files only: a JSON catalogue that is merely
    // imported would be left stale in dist.
    const { fileNames } = buildConfig();
    const inputs = new Set(fileNames.map((name) => resolve(name)));
    const unlisted = new Set<string>();
    for (const file of fileNames.filter((name) => name.endsWith('.ts'))) {
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/\bfrom\s+'(\.[^']+)'/g)) {
        const target = resolve(dirname(file), specifier!.replace(/\.js$/, '.ts'));
        if (!inputs.has(target)) unlisted.add(relative(projectRoot, target));
      }
    }
    expect([...unlisted]).to.deep.equal([]);
    expect(fileNames.map((name) => relative(projectRoot, name))).to.include.members([
      'src/shared/i18n/es.json',
      'src/shared/i18n/pt.json',
      'src/shared/i18n/en.json',
    ]);
  });
});
