/**
 * EC2 instance-type facts the lab needs for pod networking: one row per instance type, figures only.
 *
 * Where each column comes from (the project never reads these sources at run time):
 * - `maxEnis`, `ipv4PerEni`: maximum network interfaces on the default network card and IPv4 addresses per
 *   interface, from awslabs/amazon-eks-ami `nodeadm/internal/kubelet/instance-info.jsonl` at commit
 *   81fec2e895854f599974fe4d3d72f61c0a9aaffa (`defaultMaxENIs`, `ipv4AddressesPerInterface`), the file nodeadm reads
 *   on the node. They match aws/amazon-vpc-resource-controller-k8s `pkg/aws/vpc/limits.go` at commit
 *   02c28c714bc8393f42fc9db2bc264e421c62aba4 (`Interface`, `IPv4PerInterface`) for every row below.
 * - `trunkEni`, `branchEnis`, `hypervisor`, `bareMetal`: the same limits.go (`IsTrunkingCompatible`,
 *   `BranchInterface`, `Hypervisor`, `IsBareMetal`). Trunk ENIs are what security groups for pods attach branch
 *   interfaces to. limits.go leaves `Hypervisor` empty for `*.metal` (no hypervisor runs); those rows carry their
 *   family's hypervisor, Nitro, as listed in the EC2 Instance Types guide, with `bareMetal: true`.
 * - `vcpus` (default vCPUs), `architecture`, `burstable` (T family): the EC2 documentation,
 *   https://docs.aws.amazon.com/ec2/latest/instancetypes/gp.html (general purpose, incl. T),
 *   https://docs.aws.amazon.com/ec2/latest/instancetypes/co.html (compute optimized) and
 *   https://docs.aws.amazon.com/ec2/latest/instancetypes/mo.html (memory optimized), and the hardware tables of the
 *   EC2 User Guide (awsdocs/amazon-ec2-user-guide `doc_source/general-purpose-instances.md`,
 *   `compute-optimized-instances.md`, `memory-optimized-instances.md`). Graviton families (m6g, m7g, t4g) are arm64,
 *   every other row x86_64.
 *
 * Types whose vCPU count could not be confirmed in the EC2 documentation are left out on purpose. m4 and t2 (Xen) are
 * kept so the lab can reject non-Nitro types where prefix delegation needs Nitro.
 */
// One row per instance type reads as a table; Prettier would wrap each row over eleven lines.
// prettier-ignore
export const INSTANCE_TYPE_FACTS = {
  // c5
  'c5.large': { vcpus: 2, architecture: 'x86_64', maxEnis: 3, ipv4PerEni: 10, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 9, burstable: false },
  'c5.xlarge': { vcpus: 4, architecture: 'x86_64', maxEnis: 4, ipv4PerEni: 15, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 18, burstable: false },
  'c5.2xlarge': { vcpus: 8, architecture: 'x86_64', maxEnis: 4, ipv4PerEni: 15, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 38, burstable: false },
  'c5.4xlarge': { vcpus: 16, architecture: 'x86_64', maxEnis: 8, ipv4PerEni: 30, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 54, burstable: false },
  'c5.9xlarge': { vcpus: 36, architecture: 'x86_64', maxEnis: 8, ipv4PerEni: 30, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 54, burstable: false },
  'c5.12xlarge': { vcpus: 48, architecture: 'x86_64', maxEnis: 8, ipv4PerEni: 30, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 54, burstable: false },
  'c5.18xlarge': { vcpus: 72, architecture: 'x86_64', maxEnis: 15, ipv4PerEni: 50, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 107, burstable: false },
  'c5.24xlarge': { vcpus: 96, architecture: 'x86_64', maxEnis: 15, ipv4PerEni: 50, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 107, burstable: false },
  'c5.metal': { vcpus: 96, architecture: 'x86_64', maxEnis: 15, ipv4PerEni: 50, hypervisor: 'nitro', bareMetal: true, trunkEni: true, branchEnis: 107, burstable: false },

  // c6i
  'c6i.large': { vcpus: 2, architecture: 'x86_64', maxEnis: 3, ipv4PerEni: 10, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 9, burstable: false },
  'c6i.xlarge': { vcpus: 4, architecture: 'x86_64', maxEnis: 4, ipv4PerEni: 15, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 18, burstable: false },
  'c6i.2xlarge': { vcpus: 8, architecture: 'x86_64', maxEnis: 4, ipv4PerEni: 15, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 38, burstable: false },
  'c6i.4xlarge': { vcpus: 16, architecture: 'x86_64', maxEnis: 8, ipv4PerEni: 30, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 54, burstable: false },
  'c6i.8xlarge': { vcpus: 32, architecture: 'x86_64', maxEnis: 8, ipv4PerEni: 30, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 84, burstable: false },
  'c6i.12xlarge': { vcpus: 48, architecture: 'x86_64', maxEnis: 8, ipv4PerEni: 30, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 114, burstable: false },
  'c6i.16xlarge': { vcpus: 64, architecture: 'x86_64', maxEnis: 15, ipv4PerEni: 50, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 107, burstable: false },
  'c6i.24xlarge': { vcpus: 96, architecture: 'x86_64', maxEnis: 15, ipv4PerEni: 50, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 107, burstable: false },
  'c6i.32xlarge': { vcpus: 128, architecture: 'x86_64', maxEnis: 15, ipv4PerEni: 50, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 107, burstable: false },
  'c6i.metal': { vcpus: 128, architecture: 'x86_64', maxEnis: 15, ipv4PerEni: 50, hypervisor: 'nitro', bareMetal: true, trunkEni: true, branchEnis: 107, burstable: false },

  // m4
  'm4.large': { vcpus: 2, architecture: 'x86_64', maxEnis: 2, ipv4PerEni: 10, hypervisor: 'xen', bareMetal: false, trunkEni: false, branchEnis: 0, burstable: false },
  'm4.xlarge': { vcpus: 4, architecture: 'x86_64', maxEnis: 4, ipv4PerEni: 15, hypervisor: 'xen', bareMetal: false, trunkEni: false, branchEnis: 0, burstable: false },
  'm4.2xlarge': { vcpus: 8, architecture: 'x86_64', maxEnis: 4, ipv4PerEni: 15, hypervisor: 'xen', bareMetal: false, trunkEni: false, branchEnis: 0, burstable: false },
  'm4.4xlarge': { vcpus: 16, architecture: 'x86_64', maxEnis: 8, ipv4PerEni: 30, hypervisor: 'xen', bareMetal: false, trunkEni: false, branchEnis: 0, burstable: false },
  'm4.10xlarge': { vcpus: 40, architecture: 'x86_64', maxEnis: 8, ipv4PerEni: 30, hypervisor: 'xen', bareMetal: false, trunkEni: false, branchEnis: 0, burstable: false },
  'm4.16xlarge': { vcpus: 64, architecture: 'x86_64', maxEnis: 8, ipv4PerEni: 30, hypervisor: 'xen', bareMetal: false, trunkEni: false, branchEnis: 0, burstable: false },

  // m5
  'm5.large': { vcpus: 2, architecture: 'x86_64', maxEnis: 3, ipv4PerEni: 10, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 9, burstable: false },
  'm5.xlarge': { vcpus: 4, architecture: 'x86_64', maxEnis: 4, ipv4PerEni: 15, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 18, burstable: false },
  'm5.2xlarge': { vcpus: 8, architecture: 'x86_64', maxEnis: 4, ipv4PerEni: 15, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 38, burstable: false },
  'm5.4xlarge': { vcpus: 16, architecture: 'x86_64', maxEnis: 8, ipv4PerEni: 30, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 54, burstable: false },
  'm5.8xlarge': { vcpus: 32, architecture: 'x86_64', maxEnis: 8, ipv4PerEni: 30, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 54, burstable: false },
  'm5.12xlarge': { vcpus: 48, architecture: 'x86_64', maxEnis: 8, ipv4PerEni: 30, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 54, burstable: false },
  'm5.16xlarge': { vcpus: 64, architecture: 'x86_64', maxEnis: 15, ipv4PerEni: 50, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 107, burstable: false },
  'm5.24xlarge': { vcpus: 96, architecture: 'x86_64', maxEnis: 15, ipv4PerEni: 50, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 107, burstable: false },
  'm5.metal': { vcpus: 96, architecture: 'x86_64', maxEnis: 15, ipv4PerEni: 50, hypervisor: 'nitro', bareMetal: true, trunkEni: true, branchEnis: 120, burstable: false },

  // m6g
  'm6g.medium': { vcpus: 1, architecture: 'arm64', maxEnis: 2, ipv4PerEni: 4, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 4, burstable: false },
  'm6g.large': { vcpus: 2, architecture: 'arm64', maxEnis: 3, ipv4PerEni: 10, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 9, burstable: false },
  'm6g.xlarge': { vcpus: 4, architecture: 'arm64', maxEnis: 4, ipv4PerEni: 15, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 18, burstable: false },
  'm6g.2xlarge': { vcpus: 8, architecture: 'arm64', maxEnis: 4, ipv4PerEni: 15, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 38, burstable: false },
  'm6g.4xlarge': { vcpus: 16, architecture: 'arm64', maxEnis: 8, ipv4PerEni: 30, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 54, burstable: false },
  'm6g.8xlarge': { vcpus: 32, architecture: 'arm64', maxEnis: 8, ipv4PerEni: 30, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 54, burstable: false },
  'm6g.12xlarge': { vcpus: 48, architecture: 'arm64', maxEnis: 8, ipv4PerEni: 30, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 54, burstable: false },
  'm6g.16xlarge': { vcpus: 64, architecture: 'arm64', maxEnis: 15, ipv4PerEni: 50, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 107, burstable: false },
  'm6g.metal': { vcpus: 64, architecture: 'arm64', maxEnis: 15, ipv4PerEni: 50, hypervisor: 'nitro', bareMetal: true, trunkEni: true, branchEnis: 107, burstable: false },

  // m6i
  'm6i.large': { vcpus: 2, architecture: 'x86_64', maxEnis: 3, ipv4PerEni: 10, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 9, burstable: false },
  'm6i.xlarge': { vcpus: 4, architecture: 'x86_64', maxEnis: 4, ipv4PerEni: 15, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 18, burstable: false },
  'm6i.2xlarge': { vcpus: 8, architecture: 'x86_64', maxEnis: 4, ipv4PerEni: 15, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 38, burstable: false },
  'm6i.4xlarge': { vcpus: 16, architecture: 'x86_64', maxEnis: 8, ipv4PerEni: 30, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 54, burstable: false },
  'm6i.8xlarge': { vcpus: 32, architecture: 'x86_64', maxEnis: 8, ipv4PerEni: 30, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 84, burstable: false },
  'm6i.12xlarge': { vcpus: 48, architecture: 'x86_64', maxEnis: 8, ipv4PerEni: 30, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 114, burstable: false },
  'm6i.16xlarge': { vcpus: 64, architecture: 'x86_64', maxEnis: 15, ipv4PerEni: 50, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 107, burstable: false },
  'm6i.24xlarge': { vcpus: 96, architecture: 'x86_64', maxEnis: 15, ipv4PerEni: 50, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 107, burstable: false },
  'm6i.32xlarge': { vcpus: 128, architecture: 'x86_64', maxEnis: 15, ipv4PerEni: 50, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 107, burstable: false },
  'm6i.metal': { vcpus: 128, architecture: 'x86_64', maxEnis: 15, ipv4PerEni: 50, hypervisor: 'nitro', bareMetal: true, trunkEni: true, branchEnis: 107, burstable: false },

  // m7g
  'm7g.medium': { vcpus: 1, architecture: 'arm64', maxEnis: 2, ipv4PerEni: 4, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 4, burstable: false },
  'm7g.large': { vcpus: 2, architecture: 'arm64', maxEnis: 3, ipv4PerEni: 10, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 9, burstable: false },
  'm7g.xlarge': { vcpus: 4, architecture: 'arm64', maxEnis: 4, ipv4PerEni: 15, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 18, burstable: false },
  'm7g.2xlarge': { vcpus: 8, architecture: 'arm64', maxEnis: 4, ipv4PerEni: 15, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 38, burstable: false },
  'm7g.4xlarge': { vcpus: 16, architecture: 'arm64', maxEnis: 8, ipv4PerEni: 30, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 54, burstable: false },
  'm7g.8xlarge': { vcpus: 32, architecture: 'arm64', maxEnis: 8, ipv4PerEni: 30, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 54, burstable: false },
  'm7g.12xlarge': { vcpus: 48, architecture: 'arm64', maxEnis: 8, ipv4PerEni: 30, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 54, burstable: false },
  'm7g.16xlarge': { vcpus: 64, architecture: 'arm64', maxEnis: 15, ipv4PerEni: 50, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 107, burstable: false },
  'm7g.metal': { vcpus: 64, architecture: 'arm64', maxEnis: 15, ipv4PerEni: 50, hypervisor: 'nitro', bareMetal: true, trunkEni: true, branchEnis: 107, burstable: false },

  // m7i
  'm7i.large': { vcpus: 2, architecture: 'x86_64', maxEnis: 3, ipv4PerEni: 10, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 9, burstable: false },
  'm7i.xlarge': { vcpus: 4, architecture: 'x86_64', maxEnis: 4, ipv4PerEni: 15, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 18, burstable: false },
  'm7i.2xlarge': { vcpus: 8, architecture: 'x86_64', maxEnis: 4, ipv4PerEni: 15, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 38, burstable: false },
  'm7i.4xlarge': { vcpus: 16, architecture: 'x86_64', maxEnis: 8, ipv4PerEni: 30, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 54, burstable: false },
  'm7i.8xlarge': { vcpus: 32, architecture: 'x86_64', maxEnis: 8, ipv4PerEni: 30, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 84, burstable: false },
  'm7i.12xlarge': { vcpus: 48, architecture: 'x86_64', maxEnis: 8, ipv4PerEni: 30, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 114, burstable: false },
  'm7i.16xlarge': { vcpus: 64, architecture: 'x86_64', maxEnis: 15, ipv4PerEni: 50, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 107, burstable: false },
  'm7i.24xlarge': { vcpus: 96, architecture: 'x86_64', maxEnis: 15, ipv4PerEni: 50, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 107, burstable: false },
  'm7i.48xlarge': { vcpus: 192, architecture: 'x86_64', maxEnis: 15, ipv4PerEni: 50, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 107, burstable: false },
  'm7i.metal-24xl': { vcpus: 96, architecture: 'x86_64', maxEnis: 15, ipv4PerEni: 50, hypervisor: 'nitro', bareMetal: true, trunkEni: true, branchEnis: 107, burstable: false },
  'm7i.metal-48xl': { vcpus: 192, architecture: 'x86_64', maxEnis: 15, ipv4PerEni: 50, hypervisor: 'nitro', bareMetal: true, trunkEni: true, branchEnis: 107, burstable: false },

  // r5
  'r5.large': { vcpus: 2, architecture: 'x86_64', maxEnis: 3, ipv4PerEni: 10, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 9, burstable: false },
  'r5.xlarge': { vcpus: 4, architecture: 'x86_64', maxEnis: 4, ipv4PerEni: 15, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 18, burstable: false },
  'r5.2xlarge': { vcpus: 8, architecture: 'x86_64', maxEnis: 4, ipv4PerEni: 15, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 38, burstable: false },
  'r5.4xlarge': { vcpus: 16, architecture: 'x86_64', maxEnis: 8, ipv4PerEni: 30, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 54, burstable: false },
  'r5.8xlarge': { vcpus: 32, architecture: 'x86_64', maxEnis: 8, ipv4PerEni: 30, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 54, burstable: false },
  'r5.12xlarge': { vcpus: 48, architecture: 'x86_64', maxEnis: 8, ipv4PerEni: 30, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 54, burstable: false },
  'r5.16xlarge': { vcpus: 64, architecture: 'x86_64', maxEnis: 15, ipv4PerEni: 50, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 107, burstable: false },
  'r5.24xlarge': { vcpus: 96, architecture: 'x86_64', maxEnis: 15, ipv4PerEni: 50, hypervisor: 'nitro', bareMetal: false, trunkEni: true, branchEnis: 107, burstable: false },
  'r5.metal': { vcpus: 96, architecture: 'x86_64', maxEnis: 15, ipv4PerEni: 50, hypervisor: 'nitro', bareMetal: true, trunkEni: true, branchEnis: 120, burstable: false },

  // t2
  't2.nano': { vcpus: 1, architecture: 'x86_64', maxEnis: 2, ipv4PerEni: 2, hypervisor: 'xen', bareMetal: false, trunkEni: false, branchEnis: 0, burstable: true },
  't2.micro': { vcpus: 1, architecture: 'x86_64', maxEnis: 2, ipv4PerEni: 2, hypervisor: 'xen', bareMetal: false, trunkEni: false, branchEnis: 0, burstable: true },
  't2.small': { vcpus: 1, architecture: 'x86_64', maxEnis: 3, ipv4PerEni: 4, hypervisor: 'xen', bareMetal: false, trunkEni: false, branchEnis: 0, burstable: true },
  't2.medium': { vcpus: 2, architecture: 'x86_64', maxEnis: 3, ipv4PerEni: 6, hypervisor: 'xen', bareMetal: false, trunkEni: false, branchEnis: 0, burstable: true },
  't2.large': { vcpus: 2, architecture: 'x86_64', maxEnis: 3, ipv4PerEni: 12, hypervisor: 'xen', bareMetal: false, trunkEni: false, branchEnis: 0, burstable: true },
  't2.xlarge': { vcpus: 4, architecture: 'x86_64', maxEnis: 3, ipv4PerEni: 15, hypervisor: 'xen', bareMetal: false, trunkEni: false, branchEnis: 0, burstable: true },
  't2.2xlarge': { vcpus: 8, architecture: 'x86_64', maxEnis: 3, ipv4PerEni: 15, hypervisor: 'xen', bareMetal: false, trunkEni: false, branchEnis: 0, burstable: true },

  // t3
  't3.nano': { vcpus: 2, architecture: 'x86_64', maxEnis: 2, ipv4PerEni: 2, hypervisor: 'nitro', bareMetal: false, trunkEni: false, branchEnis: 0, burstable: true },
  't3.micro': { vcpus: 2, architecture: 'x86_64', maxEnis: 2, ipv4PerEni: 2, hypervisor: 'nitro', bareMetal: false, trunkEni: false, branchEnis: 0, burstable: true },
  't3.small': { vcpus: 2, architecture: 'x86_64', maxEnis: 3, ipv4PerEni: 4, hypervisor: 'nitro', bareMetal: false, trunkEni: false, branchEnis: 0, burstable: true },
  't3.medium': { vcpus: 2, architecture: 'x86_64', maxEnis: 3, ipv4PerEni: 6, hypervisor: 'nitro', bareMetal: false, trunkEni: false, branchEnis: 0, burstable: true },
  't3.large': { vcpus: 2, architecture: 'x86_64', maxEnis: 3, ipv4PerEni: 12, hypervisor: 'nitro', bareMetal: false, trunkEni: false, branchEnis: 0, burstable: true },
  't3.xlarge': { vcpus: 4, architecture: 'x86_64', maxEnis: 4, ipv4PerEni: 15, hypervisor: 'nitro', bareMetal: false, trunkEni: false, branchEnis: 0, burstable: true },
  't3.2xlarge': { vcpus: 8, architecture: 'x86_64', maxEnis: 4, ipv4PerEni: 15, hypervisor: 'nitro', bareMetal: false, trunkEni: false, branchEnis: 0, burstable: true },

  // t4g
  't4g.nano': { vcpus: 2, architecture: 'arm64', maxEnis: 2, ipv4PerEni: 2, hypervisor: 'nitro', bareMetal: false, trunkEni: false, branchEnis: 0, burstable: true },
  't4g.micro': { vcpus: 2, architecture: 'arm64', maxEnis: 2, ipv4PerEni: 2, hypervisor: 'nitro', bareMetal: false, trunkEni: false, branchEnis: 0, burstable: true },
  't4g.small': { vcpus: 2, architecture: 'arm64', maxEnis: 3, ipv4PerEni: 4, hypervisor: 'nitro', bareMetal: false, trunkEni: false, branchEnis: 0, burstable: true },
  't4g.medium': { vcpus: 2, architecture: 'arm64', maxEnis: 3, ipv4PerEni: 6, hypervisor: 'nitro', bareMetal: false, trunkEni: false, branchEnis: 0, burstable: true },
  't4g.large': { vcpus: 2, architecture: 'arm64', maxEnis: 3, ipv4PerEni: 12, hypervisor: 'nitro', bareMetal: false, trunkEni: false, branchEnis: 0, burstable: true },
  't4g.xlarge': { vcpus: 4, architecture: 'arm64', maxEnis: 4, ipv4PerEni: 15, hypervisor: 'nitro', bareMetal: false, trunkEni: false, branchEnis: 0, burstable: true },
  't4g.2xlarge': { vcpus: 8, architecture: 'arm64', maxEnis: 4, ipv4PerEni: 15, hypervisor: 'nitro', bareMetal: false, trunkEni: false, branchEnis: 0, burstable: true },
} as const;
