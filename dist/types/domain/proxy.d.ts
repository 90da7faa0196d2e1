/**
 * Which proxy a request goes through, from the variables self-hosted runners and shells set:
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY, lowercase first (curl's and undici's order). Pure: the
 * fronts read the environment, the GitHub client and the git transport ask `proxyFor`.
 * These are the variables GitHub's self-hosted runner itself honours (https_proxy, http_proxy,
 * no_proxy with hosts and `host:port`):
 * https://docs.github.com/en/actions/hosting-your-own-runners/managing-self-hosted-runners/using-a-proxy-server-with-self-hosted-runners
 */
export interface ProxySettings {
    httpProxy?: string;
    /** Falls back on httpProxy, as curl does. */
    httpsProxy?: string;
    /** Comma- or space-separated hosts (`example.com`, `.example.com`, `*.example.com`, `host:port`), or `*`. */
    noProxy?: string;
}
export declare function proxyFromEnv(env: NodeJS.ProcessEnv): ProxySettings;
export declare const hasProxy: (settings: ProxySettings | undefined) => boolean;
/** The proxy URL for a request to `url`, or undefined to connect directly. */
export declare function proxyFor(url: string | URL, settings: ProxySettings | undefined): string | undefined;
