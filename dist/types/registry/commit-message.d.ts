export interface MessageParts {
    subject: string;
    body: string;
    trailers: Record<string, string>;
}
export declare function formatCommitMessage(change: {
    subject: string;
    body?: string;
    trailers?: Record<string, string>;
}): string;
/**
 * The inverse of formatCommitMessage, tolerant of messages written by others (merge commits, the
 * git CLI): the last paragraph counts as trailers only when every line in it is one. A repeated
 * key keeps its first value.
 */
export declare function parseCommitMessage(message: string): MessageParts;
