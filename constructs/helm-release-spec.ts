/** Which Helm chart to install, and where (a reusable construct takes it from its caller's pinned versions). */
export interface HelmReleaseSpec {
  readonly repository: string;
  readonly chart: string;
  readonly version: string;
  readonly release: string;
  readonly namespace: string;
}
