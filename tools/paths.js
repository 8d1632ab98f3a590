// Resolves the @tongban/* path aliases of tsconfig.base.json against the compiled tree in dist/.
const path = require('node:path');
const { register } = require('tsconfig-paths');
const { compilerOptions } = require('../tsconfig.base.json');
register({ baseUrl: path.join(__dirname, '..', 'dist'), paths: compilerOptions.paths });
