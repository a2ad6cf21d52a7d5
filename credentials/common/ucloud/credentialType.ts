/**
 * The UCloud API credential's type name, stored in every saved credential and workflow: never
 * change it. The credential class, the nodes' `credentials` and the requests all use this one
 * constant. n8n's lint rules that match these names across files (credential-test-required,
 * no-credential-reuse, valid-credential-references) read string literals only, so they pass
 * over the constant; the engine tests check the same at run time (test/engine/credentialTest.test.ts).
 */
export const CREDENTIAL_TYPE = 'ucloudApi';
