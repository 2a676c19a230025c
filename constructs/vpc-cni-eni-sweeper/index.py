"""Deletes the network interfaces the Amazon VPC CNI and the VPC resource controller leave behind in a VPC.

Runs when its CloudFormation resource is deleted, after the node groups and before the subnets and security groups
(its dependency edges guarantee that). Interfaces still attached are waited for: instances that are terminating
release theirs within minutes.
"""
import os
import time

import boto3
from botocore.exceptions import ClientError

# Descriptions the VPC CNI (secondary ENIs) and the VPC resource controller (trunk/branch ENIs for security groups
# for pods) give the interfaces they create.
VPC_CNI_DESCRIPTION_PREFIX = "aws-K8S-"
RESOURCE_CONTROLLER_DESCRIPTIONS = ("aws-k8s-branch-eni", "aws-k8s-trunk-eni")
POLL_SECONDS = int(os.environ.get("POLL_SECONDS", "15"))


def is_cluster_interface(interface, cluster_name):
    """Whether an interface was created for pods of this cluster (and may be deleted)."""
    tags = {tag["Key"]: tag["Value"] for tag in interface.get("TagSet", [])}
    for key in ("cluster.k8s.amazonaws.com/name", "vpcresources.k8s.aws/cluster-name"):
        if key in tags:
            return tags[key] == cluster_name
    description = interface.get("Description", "")
    return description.startswith(VPC_CNI_DESCRIPTION_PREFIX) or description in RESOURCE_CONTROLLER_DESCRIPTIONS


def cluster_interfaces(ec2, vpc_id, cluster_name):
    paginator = ec2.get_paginator("describe_network_interfaces")
    found = []
    for page in paginator.paginate(Filters=[{"Name": "vpc-id", "Values": [vpc_id]}]):
        found.extend(i for i in page["NetworkInterfaces"] if is_cluster_interface(i, cluster_name))
    return found


def sweep(ec2, vpc_id, cluster_name, deadline, now=time.time, sleep=time.sleep):
    """Deletes detached cluster interfaces until none is left or the deadline passes. Returns what was deleted."""
    deleted = []
    while True:
        remaining = []
        for interface in cluster_interfaces(ec2, vpc_id, cluster_name):
            interface_id = interface["NetworkInterfaceId"]
            if interface.get("Status") != "available":
                remaining.append(interface_id)
                continue
            try:
                ec2.delete_network_interface(NetworkInterfaceId=interface_id)
                deleted.append(interface_id)
            except ClientError as error:
                code = error.response.get("Error", {}).get("Code", "")
                if code == "InvalidNetworkInterfaceID.NotFound":
                    continue
                remaining.append(interface_id)
        if not remaining:
            return deleted
        if now() >= deadline:
            # Do not fail the stack deletion here: whatever is still attached will be reported by EC2 when the
            # subnet or security group it blocks is deleted, with the interface id in the message.
            print(f"still attached after the deadline: {remaining}")
            return deleted
        sleep(POLL_SECONDS)


def handler(event, _context):
    properties = event["ResourceProperties"]
    physical_id = event.get("PhysicalResourceId") or f"eni-sweeper-{properties['VpcId']}"
    if event["RequestType"] != "Delete":
        return {"PhysicalResourceId": physical_id}
    deadline = time.time() + int(properties.get("TimeoutSeconds", "600"))
    deleted = sweep(boto3.client("ec2"), properties["VpcId"], properties["ClusterName"], deadline)
    print(f"deleted {len(deleted)} leaked network interfaces: {deleted}")
    return {"PhysicalResourceId": physical_id}
