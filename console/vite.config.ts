import { defineConfig } from 'vite';
import { fontsAsFiles } from './build/fonts-as-files';

// Two pages: the console (index.html, served at / and its client routes) and GraphiQL
// (graphiql.html, served at GET /graphql to browsers). Everything is bundled: the service
// serves every script, style, font and worker itself (no CDN, works offline).
export default defineConfig({
  root: __dirname,
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [fontsAsFiles()],
  // Monaco's workers are ES modules; the default iife format fails the build.
  worker: { format: 'es' },
  build: {
    // No data: URLs (fonts, images): the Content-Security-Policy allows 'self' only.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 5000,
    reportCompressedSize: false,
    rollupOptions: {
      input: { console: `${__dirname}/index.html`, graphiql: `${__dirname}/graphiql.html` },
    },
  },
});
