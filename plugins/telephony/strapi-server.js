'use strict';

// Strapi loads this file; the TypeScript sources are compiled to dist by `npm run build`.
module.exports = require('./dist/server/src').default;
