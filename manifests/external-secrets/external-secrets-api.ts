/** External Secrets Operator API group and version served by ESO 0.17 and later (v1beta1 is no longer served). */
export const EXTERNAL_SECRETS_API_VERSION = 'external-secrets.io/v1';
