import { defaultFerretdbBuild, ensureFerretdbBinary } from '../src/db/ferretdb-binary.js';

/** Builds FerretDB into .cache/ unless an intact build is there; prints the binary's path. */
try {
  console.log(await ensureFerretdbBinary(defaultFerretdbBuild(undefined, (line) => console.error(line))));
} catch (error) {
  console.error(`ferretdb-build: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
