"""Unit tests of constructs/vpc-cni-eni-sweeper/index.py with a fake EC2 client (boto3 is not needed)."""
import os
import sys
import unittest

from lambda_fakes import ClientError, install

install()
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "constructs", "vpc-cni-eni-sweeper"))
import index  # noqa: E402


class FakeEc2:
    def __init__(self, rounds):
        self.rounds = rounds  # one list of interfaces per describe round
        self.deleted = []
        self.calls = 0

    def get_paginator(self, _name):
        fake = self

        class Paginator:
            def paginate(self, Filters):
                assert Filters == [{"Name": "vpc-id", "Values": ["vpc-1"]}]
                page = fake.rounds[min(fake.calls, len(fake.rounds) - 1)]
                fake.calls += 1
                yield {"NetworkInterfaces": page}

        return Paginator()

    def delete_network_interface(self, NetworkInterfaceId):
        if NetworkInterfaceId == "eni-gone":
            raise ClientError("InvalidNetworkInterfaceID.NotFound")
        self.deleted.append(NetworkInterfaceId)


def interface(interface_id, status="available", description="", tags=None):
    return {"NetworkInterfaceId": interface_id, "Status": status, "Description": description,
            "TagSet": [{"Key": k, "Value": v} for k, v in (tags or {}).items()]}


class SweepTest(unittest.TestCase):
    def test_deletes_detached_vpc_cni_and_branch_interfaces_only(self):
        ec2 = FakeEc2([[
            interface("eni-cni", description="aws-K8S-i-0123456789abcdef0"),
            interface("eni-branch", description="aws-k8s-branch-eni"),
            interface("eni-tagged", tags={"cluster.k8s.amazonaws.com/name": "eks-workshop"}),
            interface("eni-other-cluster", description="aws-K8S-i-1", tags={"cluster.k8s.amazonaws.com/name": "other"}),
            interface("eni-nat", description="Interface for NAT Gateway nat-1"),
        ]])
        deleted = index.sweep(ec2, "vpc-1", "eks-workshop", deadline=10**12, now=lambda: 0, sleep=lambda _s: None)
        self.assertEqual(deleted, ["eni-cni", "eni-branch", "eni-tagged"])

    def test_waits_for_attached_interfaces_then_deletes_them(self):
        ec2 = FakeEc2([
            [interface("eni-a", status="in-use", description="aws-K8S-i-1")],
            [interface("eni-a", description="aws-K8S-i-1")],
            [],
        ])
        sleeps = []
        deleted = index.sweep(ec2, "vpc-1", "eks-workshop", deadline=10**12, now=lambda: 0, sleep=sleeps.append)
        self.assertEqual(deleted, ["eni-a"])
        self.assertEqual(len(sleeps), 1)

    def test_gives_up_at_the_deadline_without_failing(self):
        ec2 = FakeEc2([[interface("eni-a", status="in-use", description="aws-K8S-i-1")]])
        clock = iter([0, 5, 10**12])
        deleted = index.sweep(ec2, "vpc-1", "eks-workshop", deadline=100, now=lambda: next(clock), sleep=lambda _s: None)
        self.assertEqual(deleted, [])

    def test_ignores_interfaces_deleted_meanwhile(self):
        ec2 = FakeEc2([[interface("eni-gone", description="aws-K8S-i-1")], []])
        self.assertEqual(index.sweep(ec2, "vpc-1", "eks-workshop", deadline=10**12, now=lambda: 0, sleep=lambda _s: None), [])

    def test_does_nothing_on_create(self):
        result = index.handler({"RequestType": "Create", "ResourceProperties": {"VpcId": "vpc-1", "ClusterName": "c"}}, None)
        self.assertEqual(result, {"PhysicalResourceId": "eni-sweeper-vpc-1"})


if __name__ == "__main__":
    unittest.main()
