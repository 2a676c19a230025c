"""Unit tests of the inline handler of constructs/vpc-lattice-drain.ts, with the fakes of lambda_fakes.py.
The jest test writes the handler to HANDLER_DIR/index.py."""
import os
import sys
import unittest

from lambda_fakes import SENT, Clock, install

install()
sys.path.insert(0, os.environ["HANDLER_DIR"])
import index  # noqa: E402

PROPS = {"VpcId": "vpc-1", "ServiceNetworkId": "sn-1", "TimeoutSeconds": "480"}


class FakeLattice:
    """Answers each poll with the next round of (target group names, service names)."""

    def __init__(self, rounds, fail=False):
        self.rounds = rounds
        self.polls = 0
        self.fail = fail

    def current(self):
        return self.rounds[min(self.polls, len(self.rounds) - 1)]

    def get_paginator(self, name):
        lattice = self

        class Paginator:
            def paginate(self, **kwargs):
                if lattice.fail:
                    raise RuntimeError("AccessDeniedException")
                groups, services = lattice.current()
                if name == "list_target_groups":
                    assert kwargs == {"vpcIdentifier": "vpc-1"}
                    return [{"items": [{"name": group} for group in groups]}]
                assert name == "list_service_network_service_associations"
                assert kwargs == {"serviceNetworkIdentifier": "sn-1"}
                lattice.polls += 1
                return [{"items": [{"id": "snsa-" + service, "serviceName": service} for service in services]}]

        return Paginator()


class Context:
    def get_remaining_time_in_millis(self):
        return 900000


class DrainTest(unittest.TestCase):
    def setUp(self):
        SENT.clear()
        self.clock = Clock()
        index.time = self.clock

    def run_event(self, request, lattice):
        index.lattice = lattice
        event = {"RequestType": request, "LogicalResourceId": "Drain", "ResourceProperties": PROPS}
        index.handler(event, Context())
        return SENT[-1]

    def test_create_does_nothing_and_succeeds(self):
        lattice = FakeLattice([(["tg"], ["svc"])])
        self.assertEqual(self.run_event("Create", lattice), ("SUCCESS", "Drain", None))
        self.assertEqual(lattice.polls, 0)

    def test_delete_waits_until_target_groups_and_services_are_gone(self):
        lattice = FakeLattice([(["k8s-checkout-checkout"], ["checkoutroute-checkout"]), (["k8s-checkout-checkout"], []), ([], [])])
        self.assertEqual(self.run_event("Delete", lattice)[0], "SUCCESS")
        self.assertEqual(lattice.polls, 3)
        self.assertEqual(self.clock.sleeps, 2)

    def test_delete_gives_up_after_the_timeout_and_still_succeeds(self):
        lattice = FakeLattice([(["k8s-checkout-checkout"], [])])
        self.assertEqual(self.run_event("Delete", lattice)[0], "SUCCESS")
        self.assertGreaterEqual(self.clock.now - 1000.0, 480)

    def test_delete_never_fails_on_an_api_error(self):
        self.assertEqual(self.run_event("Delete", FakeLattice([([], [])], fail=True))[0], "SUCCESS")

    def test_update_does_nothing_and_succeeds(self):
        self.assertEqual(self.run_event("Update", FakeLattice([(["tg"], [])]))[0], "SUCCESS")


if __name__ == "__main__":
    unittest.main()
