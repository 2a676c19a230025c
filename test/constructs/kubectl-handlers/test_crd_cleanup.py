"""Unit tests of constructs/kubectl-handlers/crd_cleanup.py (run by test/constructs/kubectl-handlers.test.ts)."""
import json
import os
import sys
import tempfile
import unittest
from unittest import mock

sys.dont_write_bytecode = True

HANDLER_DIR = os.path.join(os.path.dirname(__file__), '..', '..', '..', 'constructs', 'kubectl-handlers')
sys.path.insert(0, os.path.abspath(HANDLER_DIR))
os.environ['TEST_OUTDIR'] = tempfile.mkdtemp()

import crd_cleanup  # noqa: E402
import kubectl_session  # noqa: E402

PROPS = {'ClusterName': 'lab', 'Groups': 'elbv2.k8s.aws,gateway.k8s.aws'}
CRDS = json.dumps({'items': [
    {'metadata': {'name': 'targetgroupbindings.elbv2.k8s.aws'}, 'spec': {'group': 'elbv2.k8s.aws'}},
    {'metadata': {'name': 'gateways.gateway.networking.k8s.io'}, 'spec': {'group': 'gateway.networking.k8s.io'}},
    {'metadata': {'name': 'loadbalancerconfigurations.gateway.k8s.aws'}, 'spec': {'group': 'gateway.k8s.aws'}},
]})


class CrdsOfGroupsTest(unittest.TestCase):
    def test_keeps_only_the_groups_asked_for(self):
        self.assertEqual(crd_cleanup.crds_of_groups(CRDS, ['elbv2.k8s.aws', 'gateway.k8s.aws']),
                         ['loadbalancerconfigurations.gateway.k8s.aws', 'targetgroupbindings.elbv2.k8s.aws'])


class EventTest(unittest.TestCase):
    def setUp(self):
        self.commands = []

        def run(args):
            self.commands.append(args)
            if args[0] == 'kubectl' and args[3:5] == ['get', 'crd']:
                return CRDS
            return ''

        for patch in [mock.patch.object(kubectl_session, 'run', side_effect=run),
                      mock.patch.object(kubectl_session.os, 'chmod')]:
            patch.start()
            self.addCleanup(patch.stop)

    def test_create_and_update_do_nothing(self):
        for request in ('Create', 'Update'):
            result = crd_cleanup.on_event({'RequestType': request, 'ResourceProperties': PROPS}, None)
            self.assertEqual(result, {'PhysicalResourceId': 'lab/crd-cleanup/elbv2.k8s.aws,gateway.k8s.aws'})
        self.assertEqual(self.commands, [])

    def test_delete_removes_the_crds_of_the_groups_without_waiting(self):
        crd_cleanup.on_event({'RequestType': 'Delete', 'PhysicalResourceId': 'x', 'ResourceProperties': PROPS}, None)
        delete = self.commands[-1]
        self.assertEqual(delete[3:7], ['delete', 'crd', 'loadbalancerconfigurations.gateway.k8s.aws',
                                       'targetgroupbindings.elbv2.k8s.aws'])
        self.assertIn('--wait=false', delete)

    def test_delete_never_fails_the_stack(self):
        kubectl_session.run.side_effect = RuntimeError('cluster unreachable')
        result = crd_cleanup.on_event({'RequestType': 'Delete', 'PhysicalResourceId': 'x', 'ResourceProperties': PROPS}, None)
        self.assertEqual(result, {'PhysicalResourceId': 'x'})


if __name__ == '__main__':
    unittest.main()
