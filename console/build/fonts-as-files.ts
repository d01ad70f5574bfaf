import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

const DATA_FONT = /url\((["']?)data:(font\/[a-z0-9.+-]+|application\/(?:x-)?font-[a-z0-9]+);base64,([A-Za-z0-9+/=]+)\1\)/g;
const EXTENSIONS: Record<string, string> = { 'font/woff2': 'woff2', 'font/woff': 'woff', 'font/ttf': 'ttf', 'font/otf': 'otf' };

/**
 * GraphiQL's published CSS carries its fonts inline as data: URLs, which `default-src 'self'`
 * refuses (font-src falls back to it). This writes each one out as a file of the build and points
 * the CSS at it, so every font comes from the service and the policy needs no `data:`.
 */
export function fontsAsFiles(): Plugin {
  return {
    name: 'registry:fonts-as-files',
    apply: 'build',
    generateBundle(_options, bundle) {
      const emitted = new Map<string, string>();
      for (const asset of Object.values(bundle)) {
        if (asset.type !== 'asset' || !asset.fileName.endsWith('.css')) continue;
        const css = typeof asset.source === 'string' ? asset.source : Buffer.from(asset.source).toString('utf8');
        asset.source = css.replace(DATA_FONT, (_match, _quote: string, mime: string, base64: string) => {
          const key = createHash('sha256').update(base64).digest('hex');
          let fileName = emitted.get(key);
          if (!fileName) {
            const ref = this.emitFile({ type: 'asset', name: `font-${key.slice(0, 8)}.${EXTENSIONS[mime] ?? 'woff2'}`, source: Buffer.from(base64, 'base64') });
            fileName = this.getFileName(ref);
            emitted.set(key, fileName);
          }
          return `url(/${fileName})`;
        });
      }
    },
  };
}
