"""Unit tests of constructs/kubectl-handlers/ready_nodes.py (run by test/constructs/kubectl-handlers.test.ts)."""
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

import kubectl_session  # noqa: E402
import ready_nodes  # noqa: E402

PROPS = {'ClusterName': 'lab', 'LabelSelector': 'eks.amazonaws.com/compute-type=hybrid', 'Count': '1'}


def node(name, status=None, message=None):
    conditions = [] if status is None else [{'type': 'Ready', 'status': status, 'message': message}]
    return {'metadata': {'name': name}, 'status': {'conditions': conditions}}


def nodes(*items):
    return json.dumps({'items': list(items)})


class NodeStatesTest(unittest.TestCase):
    def test_only_a_true_ready_condition_counts(self):
        ready, waiting = ready_nodes.node_states(nodes(
            node('mi-1', 'True'), node('mi-2', 'False', 'container runtime network not ready'), node('mi-3')))
        self.assertEqual(ready, ['mi-1'])
        self.assertEqual(waiting, ['mi-2 NotReady (container runtime network not ready)',
                                   'mi-3 NotReady (no Ready condition yet)'])


class EventTest(unittest.TestCase):
    def setUp(self):
        self.commands = []
        self.listing = nodes()

        def run(args):
            self.commands.append(args)
            return self.listing if args[0] == 'kubectl' else ''

        for patch in [mock.patch.object(kubectl_session, 'run', side_effect=run),
                      mock.patch.object(kubectl_session.os, 'chmod')]:
            patch.start()
            self.addCleanup(patch.stop)

    def test_on_event_only_names_the_wait(self):
        result = ready_nodes.on_event({'RequestType': 'Create', 'ResourceProperties': PROPS}, None)
        self.assertEqual(result, {'PhysicalResourceId': 'lab/ready-nodes/eks.amazonaws.com/compute-type=hybrid'})
        self.assertEqual(self.commands, [])

    def test_not_complete_while_no_node_has_registered(self):
        with self.assertLogs(level='INFO') as logs:
            result = ready_nodes.is_complete({'RequestType': 'Create', 'ResourceProperties': PROPS}, None)
        self.assertEqual(result, {'IsComplete': False})
        self.assertEqual(self.commands[-1][3:], ['get', 'nodes', '-l', PROPS['LabelSelector'], '-o', 'json'])
        self.assertTrue(any('no node has registered yet' in line for line in logs.output))

    def test_not_complete_while_the_node_is_not_ready_and_says_why(self):
        self.listing = nodes(node('mi-1', 'False', 'cni plugin not initialized'))
        with self.assertLogs(level='INFO') as logs:
            result = ready_nodes.is_complete({'RequestType': 'Update', 'ResourceProperties': PROPS}, None)
        self.assertEqual(result, {'IsComplete': False})
        self.assertTrue(any('mi-1 NotReady (cni plugin not initialized)' in line for line in logs.output))

    def test_complete_with_enough_ready_nodes(self):
        self.listing = nodes(node('mi-2', 'True'), node('mi-1', 'True'))
        result = ready_nodes.is_complete({'RequestType': 'Create', 'ResourceProperties': {**PROPS, 'Count': '2'}}, None)
        self.assertEqual(result, {'IsComplete': True, 'Data': {'Nodes': 'mi-1,mi-2'}})

    def test_delete_waits_for_nothing(self):
        result = ready_nodes.is_complete({'RequestType': 'Delete', 'ResourceProperties': PROPS}, None)
        self.assertEqual(result, {'IsComplete': True})
        self.assertEqual(self.commands, [])


if __name__ == '__main__':
    unittest.main()
