"use strict";
/**
 * Bearer tokens: a fixed string, a function called before every request (so a caller can
 * refresh), or a `TokenProvider` such as `OAuth2ClientCredentials`, which fetches, caches and
 * refreshes a token and is told to drop it when the API answers 401.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.OAuth2ClientCredentials = exports.DEFAULT_TOKEN_LIFETIME = void 0;
exports.resolveToken = resolveToken;
exports.isRenewable = isRenewable;
exports.authorization = authorization;
const errors_js_1 = require("./errors.js");
/** Seconds a token without `expires_in` is trusted for (RFC 6749 makes the field optional). */
exports.DEFAULT_TOKEN_LIFETIME = 300;
/** The current token of `source` (a function is called once per call). */
async function resolveToken(source, fetch, signal) {
    if (source === undefined || typeof source === "string")
        return source;
    const value = typeof source === "function" ? await source() : await source.getToken(fetch, signal);
    if (typeof value !== "string" || !value) {
        throw new TypeError(`token provider must return a non-empty string, got ${String(value)}`);
    }
    return value;
}
/** Whether `source` caches a token it can be told to drop. */
function isRenewable(source) {
    return typeof source === "object" && typeof source.invalidate === "function";
}
/** `Authorization: Bearer <token>`; a token already starting with a scheme is kept as is. */
function authorization(token) {
    return /^(bearer|basic) /i.test(token) ? token : `Bearer ${token}`;
}
/** OAuth2 client credentials (RFC 6749 section 4.4): one token shared by concurrent requests,
 *  fetched again shortly before it expires or after the API rejected it. */
class OAuth2ClientCredentials {
    #options;
    #cached;
    #pending;
    constructor(options) {
        this.#options = options;
    }
    async getToken(fetch, signal) {
        const now = (this.#options.now ?? Date.now)();
        if (this.#cached !== undefined && now < this.#cached.refreshAt)
            return this.#cached.accessToken;
        // Concurrent callers wait for the same token request instead of each sending one.
        this.#pending ??= this.#fetchToken(this.#options.fetch ?? fetch, signal).finally(() => {
            this.#pending = undefined;
        });
        this.#cached = await this.#pending;
        return this.#cached.accessToken;
    }
    invalidate() {
        this.#cached = undefined;
    }
    async #fetchToken(fetch, signal) {
        const options = this.#options;
        const form = new URLSearchParams({ grant_type: "client_credentials" });
        if (options.scopes && options.scopes.length > 0)
            form.set("scope", options.scopes.join(" "));
        const headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            Accept: "application/json",
        };
        if (options.authMethod === "client_secret_basic") {
            const pair = `${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`;
            headers["Authorization"] = `Basic ${btoa(pair)}`;
        }
        else {
            form.set("client_id", options.clientId);
            form.set("client_secret", options.clientSecret);
        }
        const fetchedAt = (options.now ?? Date.now)();
        let response;
        try {
            const init = { method: "POST", headers, body: form.toString() };
            if (signal !== undefined)
                init.signal = signal;
            response = await fetch(options.tokenUrl, init);
        }
        catch (error) {
            throw new errors_js_1.APIConnectionError(`OAuth2 token request to ${options.tokenUrl} failed`, { cause: error });
        }
        const text = await response.text();
        const prefix = `OAuth2 token request to ${options.tokenUrl} failed with HTTP ${response.status}`;
        if (!response.ok)
            throw (0, errors_js_1.makeStatusError)(response, text, { errorClass: errors_js_1.OAuth2TokenError, prefix });
        let payload;
        try {
            payload = JSON.parse(text);
        }
        catch {
            payload = undefined;
        }
        const record = typeof payload === "object" && payload !== null ? payload : {};
        const accessToken = record["access_token"];
        if (typeof accessToken !== "string" || !accessToken) {
            throw (0, errors_js_1.makeStatusError)(response, text, {
                errorClass: errors_js_1.OAuth2TokenError,
                prefix: `OAuth2 token response from ${options.tokenUrl} has no access_token`,
            });
        }
        const expiresIn = Number(record["expires_in"] ?? exports.DEFAULT_TOKEN_LIFETIME);
        const lifetime = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : exports.DEFAULT_TOKEN_LIFETIME;
        const margin = Math.min(options.refreshMargin ?? 30, lifetime / 2);
        return { accessToken, refreshAt: fetchedAt + (lifetime - margin) * 1000 };
    }
}
exports.OAuth2ClientCredentials = OAuth2ClientCredentials;
