import type { BuildOptions } from 'esbuild';

export declare const MAIN_EXTERNALS: string[];
export declare function mainBundleOptions(version: string, root: string): BuildOptions;
