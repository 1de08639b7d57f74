export declare const PRECOMPRESSED_EXTENSIONS: string[];
export declare function precompress(dir: string): { files: number; bytes: number; brotliBytes: number; gzipBytes: number };
