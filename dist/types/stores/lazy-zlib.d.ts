export declare function zlib(): typeof import('node:zlib');
