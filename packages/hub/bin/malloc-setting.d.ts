/** glibc's malloc setting the hub runs with on Linux (see malloc-setting.js). */
export declare const MALLOC_SETTING: { readonly name: string; readonly value: string };
export declare function ensureMallocSetting(): Promise<void>;
export declare function startsTheHub(args: readonly string[]): boolean;
