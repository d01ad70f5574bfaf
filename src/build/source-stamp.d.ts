// Types of source-stamp.js (plain JavaScript: `npm start` reads it before anything is compiled).
export declare const SERVER_ENTRY: string;
export declare const BENCH_SERVER_ENTRY: string;
export declare function serverSources(root: string): string[];
export declare function serverSourceStamp(root: string): string;
export declare function serverBuildsDir(root: string): string;
export declare function currentServerBuild(root: string): { stamp: string; dir: string; complete: boolean };
