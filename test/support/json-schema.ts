import Ajv, { type ValidateFunction } from 'ajv';

const ajv = new Ajv({ allErrors: true, strict: false });

/** Compiles a JSON schema once; `errorsOf` returns readable errors (empty when valid). */
export function schemaValidator(schema: object): (value: unknown) => string[] {
  const validate: ValidateFunction = ajv.compile(schema);
  return (value) =>
    validate(value)
      ? []
      : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
}
