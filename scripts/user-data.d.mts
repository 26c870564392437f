export declare const PRODUCT_NAME: string;
export declare const LEDGER_FILE_NAME: string;
export declare function userDataFolder(platform?: NodeJS.Platform, env?: NodeJS.ProcessEnv): string;
export declare function defaultLedgerFile(platform?: NodeJS.Platform, env?: NodeJS.ProcessEnv): string;
