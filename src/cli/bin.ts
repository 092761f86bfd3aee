#!/usr/bin/env node
/**
 * The entry of the release's single-file `phancong` (src/tools/package.js bundles it with webpack
 * for Node): runs the command line. main.ts keeps its own `require.main` start for dist/cli.
 */
import { runProcess } from './main';

runProcess();
