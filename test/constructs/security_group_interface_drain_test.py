"""Unit tests of the inline handler of constructs/security-group-interface-drain.ts, with the fakes of
lambda_fakes.py. The jest test writes the handler to HANDLER_DIR/index.py."""
import os
import sys
import unittest

from lambda_fakes import SENT, ClientError, Clock, install

install()
sys.path.insert(0, os.environ["HANDLER_DIR"])
import index  # noqa: E402


class FakeEc2:
    def __init__(self, rounds, fail_delete=False, fail_describe=False):
        self.rounds = rounds
        self.deleted = []
        self.calls = 0
        self.fail_delete = fail_delete
        self.fail_describe = fail_describe

    def get_paginator(self, _name):
        ec2 = self

        class Paginator:
            def paginate(self, Filters):
                assert Filters == [{"Name": "group-id", "Values": ["sg-pods"]}]
                if ec2.fail_describe:
                    raise ClientError("UnauthorizedOperation")
                round_ = ec2.rounds[min(ec2.calls, len(ec2.rounds) - 1)]
                ec2.calls += 1
                return [{"NetworkInterfaces": round_}]

        return Paginator()

    def delete_network_interface(self, NetworkInterfaceId):
        if self.fail_delete:
            raise ClientError("InvalidNetworkInterfaceID.NotFound")
        self.deleted.append(NetworkInterfaceId)


class Context:
    log_stream_name = "stream"

    def get_remaining_time_in_millis(self):
        return 900000


BRANCH_TAG = [{"Key": "eks:eni:owner", "Value": "eks-vpc-resource-controller"}]


def event(request, **extra):
    props = {"SecurityGroupIds": ["sg-pods"], "TimeoutSeconds": "480", "DeleteDetachedTagKey": "eks:eni:owner",
             "DeleteDetachedTagValue": "eks-vpc-resource-controller"}
    base = {"RequestType": request, "LogicalResourceId": "Drain", "ResourceProperties": props}
    base.update(extra)
    return base


class DrainTest(unittest.TestCase):
    def setUp(self):
        SENT.clear()
        self.clock = Clock()
        index.time = self.clock

    def run_with(self, ec2, evt):
        index.ec2 = ec2
        index.handler(evt, Context())
        return SENT[-1]

    def test_create_and_update_do_nothing_and_keep_one_physical_id(self):
        ec2 = FakeEc2([[{"NetworkInterfaceId": "eni-1", "Status": "in-use"}]])
        self.assertEqual(self.run_with(ec2, event("Create")), ("SUCCESS", "Drain", None))
        self.assertEqual(self.run_with(ec2, event("Update", PhysicalResourceId="Drain")), ("SUCCESS", "Drain", None))
        self.assertEqual(ec2.calls, 0)

    def test_delete_returns_at_once_when_nothing_uses_the_group(self):
        ec2 = FakeEc2([[]])
        self.assertEqual(self.run_with(ec2, event("Delete", PhysicalResourceId="Drain"))[0], "SUCCESS")
        self.assertEqual(self.clock.sleeps, 0)

    def test_delete_deletes_detached_branch_interfaces_and_waits_for_attached_ones(self):
        ec2 = FakeEc2([
            [{"NetworkInterfaceId": "eni-in-use", "Status": "in-use", "TagSet": BRANCH_TAG},
             {"NetworkInterfaceId": "eni-detached", "Status": "available", "TagSet": BRANCH_TAG}],
            [{"NetworkInterfaceId": "eni-in-use", "Status": "in-use", "TagSet": BRANCH_TAG}],
            [],
        ])
        self.assertEqual(self.run_with(ec2, event("Delete", PhysicalResourceId="Drain"))[0], "SUCCESS")
        self.assertEqual(ec2.deleted, ["eni-detached"])
        self.assertEqual(ec2.calls, 3)
        self.assertEqual(self.clock.sleeps, 2)

    def test_delete_never_deletes_untagged_interfaces_and_gives_up_at_the_deadline_without_failing(self):
        ec2 = FakeEc2([[{"NetworkInterfaceId": "eni-other", "Status": "available", "TagSet": []}]])
        self.assertEqual(self.run_with(ec2, event("Delete", PhysicalResourceId="Drain"))[0], "SUCCESS")
        self.assertEqual(ec2.deleted, [])
        self.assertGreaterEqual(self.clock.now - 1000.0, 480)
        self.assertLess(self.clock.now - 1000.0, 480 + 16)

    def test_delete_reports_success_even_when_ec2_fails(self):
        self.assertEqual(self.run_with(FakeEc2([[]], fail_describe=True), event("Delete", PhysicalResourceId="Drain"))[0], "SUCCESS")
        ec2 = FakeEc2([[{"NetworkInterfaceId": "eni-detached", "Status": "available", "TagSet": BRANCH_TAG}], []], fail_delete=True)
        self.assertEqual(self.run_with(ec2, event("Delete", PhysicalResourceId="Drain"))[0], "SUCCESS")


if __name__ == "__main__":
    unittest.main()
