import { Cidr, cidrContainsAddress } from './cidr';
import { IpAddress } from './ip-address';

/** A NetworkPolicyPeer `ipBlock`: a CIDR minus its `except` CIDRs. It describes cluster-external addresses only. */
export interface IpBlock {
  readonly cidr: Cidr;
  readonly except: readonly Cidr[];
}

export function ipBlockContains(block: IpBlock, address: IpAddress): boolean {
  return (
    cidrContainsAddress(block.cidr, address) && !block.except.some((excluded) => cidrContainsAddress(excluded, address))
  );
}

export function describeIpBlock(block: IpBlock): string {
  return block.except.length === 0
    ? block.cidr.text
    : `${block.cidr.text} except ${block.except.map((excluded) => excluded.text).join(', ')}`;
}
