import { documentation, github, VERSIONS_CHECKED_ON } from './fact-sources';
import type { KindRef, PartContract } from './part-contract';

const REPO = 'kubernetes-sigs/gateway-api';
const TAG = 'v1.5.1';
const at = (path: string) => github(REPO, TAG, path);
const GROUP = 'gateway.networking.k8s.io';

/** The kinds of the standard channel of v1.5.1, at the version each is served and stored. */
export const GATEWAY_API_STANDARD_KINDS: readonly KindRef[] = [
  { group: GROUP, version: 'v1', kind: 'GatewayClass' },
  { group: GROUP, version: 'v1', kind: 'Gateway' },
  { group: GROUP, version: 'v1', kind: 'HTTPRoute' },
  { group: GROUP, version: 'v1', kind: 'GRPCRoute' },
  { group: GROUP, version: 'v1', kind: 'TLSRoute' },
  { group: GROUP, version: 'v1', kind: 'ListenerSet' },
  { group: GROUP, version: 'v1', kind: 'BackendTLSPolicy' },
  { group: GROUP, version: 'v1', kind: 'ReferenceGrant' },
  // Still served beside v1 (v1beta1, not stored): the lab's ReferenceGrant uses it.
  { group: GROUP, version: 'v1beta1', kind: 'ReferenceGrant' },
  { group: GROUP, version: 'v1beta1', kind: 'HTTPRoute' },
];

/** The CustomResourceDefinitions of the standard channel of v1.5.1 (one file each in config/crd/standard). */
export const GATEWAY_API_STANDARD_CRD_NAMES: readonly string[] = [
  'backendtlspolicies',
  'gatewayclasses',
  'gateways',
  'grpcroutes',
  'httproutes',
  'listenersets',
  'referencegrants',
  'tlsroutes',
].map((plural) => `${plural}.${GROUP}`);

/**
 * Gateway API CRDs, standard channel v1.5.1, applied at deploy time from the release asset. The workshop installs
 * v1.2.0 with controller v1.1.7, which exits at start-up without TLSRoute v1alpha2 (in no standard channel); the lab
 * installs the controller's current line (v2.1.x), which needs the v1.5 bundle.
 *
 * The project publishes no checksum file. The SHA-256 is the one kubernetes-sigs/kubespray pins for this asset
 * (`gateway_api_standard_crds_checksums`, 1.5.1), and a rebuild of the asset from the tagged source with the
 * project's `hack/build-install-yaml.sh` gave the same bytes (1,024,333 bytes).
 */
export const GATEWAY_API_CRDS_PART: PartContract = {
  id: 'gateway-api-crds',
  title: 'Gateway API CRDs (standard channel)',
  delivery: {
    type: 'remote-manifest',
    url: `https://github.com/kubernetes-sigs/gateway-api/releases/download/${TAG}/standard-install.yaml`,
    sha256: '751002b3b91a87f7ae3bd2517c79a47a8d7ed6702901808a1cf9bd97d284f9b8',
  },
  version: {
    pinned: TAG,
    // v1.6.x is out, but the controller is built and tested against the v1.5 bundle (its docs/faq.md).
    newestAvailable: { value: 'v1.6.1', source: github(REPO, 'v1.6.1', 'CHANGELOG/1.6-CHANGELOG.md') },
    checkedOn: VERSIONS_CHECKED_ON,
    workshop: {
      version: 'v1.2.0',
      whyDifferent:
        'v1.2.0 standard has no TLSRoute, which every controller release since v1.1.1 requires at start-up.',
    },
  },
  needs: { crds: { value: [], source: at('config/crd/standard') }, nodes: false, podIdentity: false },
  providesCrds: { value: GATEWAY_API_STANDARD_KINDS, source: at('config/crd/standard') },
  creates: {
    value: [
      { group: 'apiextensions.k8s.io', version: 'v1', kind: 'CustomResourceDefinition' },
      { group: 'admissionregistration.k8s.io', version: 'v1', kind: 'ValidatingAdmissionPolicy' },
      { group: 'admissionregistration.k8s.io', version: 'v1', kind: 'ValidatingAdmissionPolicyBinding' },
    ],
    source: at('config/crd/standard/gateway.networking.k8s.io_vap_safeupgrades.yaml'),
  },
  crdGroupsLeftOnUninstall: { value: [], source: at('config/crd/standard') },
  webhooks: [],
  hookImages: [],
  placement: {
    required: 'anywhere',
    reason: 'Definitions only; no pods.',
    affinityValuePaths: [],
    source: at('config/crd/standard'),
  },
  kubernetes: {
    min: '1.31',
    max: '1.35',
    basis:
      'TLSRoute v1 validation uses CEL isIP(), Kubernetes 1.31+ (CHANGELOG/1.5-CHANGELOG.md); the project supports the 5 most recent minors (site-src/concepts/versioning.md)',
    source: documentation('https://gateway-api.sigs.k8s.io/concepts/versioning/'),
  },
  waitsUntilReady: true,
};
