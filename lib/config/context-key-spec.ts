/** Documentation of one context key: README's key table and validation catalogue are generated from these. */
export interface ContextKeySpec {
  readonly key: string;
  /** The default as a reader sees it (`m5.large`, `none`, `false`). */
  readonly defaultValue: string;
  readonly description: string;
  /** What is rejected at synth time, in one sentence. */
  readonly validation: string;
}
