import type { SourcePrincipal } from './principal';

/** Resolves a log source's API key to its principal; implemented by the sources library. */
export interface ApiKeyVerifier {
  verify(apiKey: string, clientIp: string): Promise<SourcePrincipal | undefined>;
}

export const API_KEY_VERIFIER = Symbol('API_KEY_VERIFIER');
