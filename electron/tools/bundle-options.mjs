// esbuild options shared by build-main.mjs and the preload-size test, so the test bundles the
// preload exactly as the build does.

/** @param {string} version @returns {import('esbuild').BuildOptions} */
export const commonOptions = (version) => ({
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  external: ['electron'],
  define: {
    'process.env.CLOUDSHELF_VERSION': JSON.stringify(version),
  },
});

/**
 * Parsed on every window load, so minified and kept free of zod (main validates every call);
 * electron/preload-bundle.test.ts bundles it with these options and holds it to its budget.
 */
export const preloadEntry = {
  entryPoints: ['electron/preload.ts'],
  outfile: 'dist/electron/preload.cjs',
  target: 'chrome140',
  minify: true,
};
