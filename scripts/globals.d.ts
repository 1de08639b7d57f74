/** Replaced at build time by esbuild and Vite with the version in package.json. */
declare const __OFFLOAD_VERSION__: string;
