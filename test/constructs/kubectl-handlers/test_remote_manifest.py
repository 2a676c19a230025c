"""Unit tests of constructs/kubectl-handlers/remote_manifest.py (run by test/constructs/kubectl-handlers.test.ts)."""
import hashlib
import io
import os
import sys
import tempfile
import unittest
from unittest import mock

# Keep the handler directory (a Lambda asset) free of __pycache__.
sys.dont_write_bytecode = True

HANDLER_DIR = os.path.join(os.path.dirname(__file__), '..', '..', '..', 'constructs', 'kubectl-handlers')
sys.path.insert(0, os.path.abspath(HANDLER_DIR))
os.environ['TEST_OUTDIR'] = tempfile.mkdtemp()

import kubectl_session  # noqa: E402
import remote_manifest as index  # noqa: E402

CONTENT = b'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n'
DIGEST = hashlib.sha256(CONTENT).hexdigest()
PROPS = {'ClusterName': 'lab', 'Name': 'crds', 'Url': 'https://example.com/crds.yaml', 'Sha256': DIGEST, 'DeleteOnRemoval': 'true'}


class FakeResponse(io.BytesIO):
    def __enter__(self):
        return self

    def __exit__(self, *args):
        return False


class VerifyTest(unittest.TestCase):
    def test_accepts_the_pinned_content_whatever_the_case_of_the_hash(self):
        self.assertEqual(index.verify(CONTENT, DIGEST.upper(), 'u'), DIGEST)

    def test_rejects_other_content_naming_both_hashes(self):
        with self.assertRaises(index.ChecksumMismatch) as raised:
            index.verify(b'tampered', DIGEST, 'https://example.com/crds.yaml')
        self.assertIn(DIGEST, str(raised.exception))
        self.assertIn(hashlib.sha256(b'tampered').hexdigest(), str(raised.exception))


class DownloadTest(unittest.TestCase):
    def test_refuses_plain_http(self):
        with self.assertRaises(ValueError):
            index.download('http://example.com/crds.yaml', opener=mock.Mock())

    def test_retries_then_returns_the_body(self):
        opener = mock.Mock(side_effect=[OSError('reset'), FakeResponse(CONTENT)])
        self.assertEqual(index.download('https://example.com/x', opener=opener, sleep=lambda _: None), CONTENT)
        self.assertEqual(opener.call_count, 2)

    def test_fails_after_the_last_attempt(self):
        opener = mock.Mock(side_effect=OSError('unreachable'))
        with self.assertRaises(RuntimeError) as raised:
            index.download('https://example.com/x', opener=opener, attempts=3, sleep=lambda _: None)
        self.assertIn('after 3 attempts', str(raised.exception))
        self.assertEqual(opener.call_count, 3)


class CrdNamesTest(unittest.TestCase):
    def test_keeps_only_custom_resource_definitions_of_apply_output(self):
        output = ('customresourcedefinition.apiextensions.k8s.io/gateways.gateway.networking.k8s.io\n'
                  'namespace/gateway-system\n'
                  'customresourcedefinition.apiextensions.k8s.io/httproutes.gateway.networking.k8s.io\n')
        self.assertEqual(index.crd_names(output), ['gateways.gateway.networking.k8s.io', 'httproutes.gateway.networking.k8s.io'])


class EventTest(unittest.TestCase):
    def setUp(self):
        self.commands = []
        self.outputs = {'apply': 'customresourcedefinition.apiextensions.k8s.io/gateways.gateway.networking.k8s.io\n'}

        def run(args):
            self.commands.append(args)
            verb = args[3] if args[0] == 'kubectl' else args[0]
            return self.outputs.get(verb, '')

        patches = [
            mock.patch.object(kubectl_session, 'run', side_effect=run),
            mock.patch.object(index, 'download', return_value=CONTENT),
            mock.patch.object(kubectl_session.os, 'chmod'),
        ]
        for patch in patches:
            patch.start()
            self.addCleanup(patch.stop)

    def test_create_applies_server_side_then_waits_for_the_crds(self):
        result = index.on_event({'RequestType': 'Create', 'ResourceProperties': PROPS}, None)
        self.assertEqual(result['PhysicalResourceId'], 'lab/crds')
        self.assertEqual(result['Data'], {'Sha256': DIGEST, 'CustomResourceDefinitions': 'gateways.gateway.networking.k8s.io'})
        self.assertEqual(self.commands[0][:5], ['aws', 'eks', 'update-kubeconfig', '--name', 'lab'])
        apply = self.commands[1]
        self.assertIn('apply', apply)
        self.assertIn('--server-side', apply)
        self.assertIn('--force-conflicts', apply)
        self.assertEqual(self.commands[2][3:5], ['wait', '--for=condition=Established'])
        self.assertEqual(self.commands[2][-1], 'crd/gateways.gateway.networking.k8s.io')

    def test_create_applies_nothing_when_the_checksum_differs(self):
        with self.assertRaises(index.ChecksumMismatch):
            index.on_event({'RequestType': 'Create', 'ResourceProperties': {**PROPS, 'Sha256': '0' * 64}}, None)
        self.assertEqual(self.commands, [])

    def test_update_keeps_the_physical_id_so_cloudformation_never_deletes_the_old_version(self):
        event = {'RequestType': 'Update', 'PhysicalResourceId': 'lab/crds', 'ResourceProperties': {**PROPS, 'Name': 'renamed'}}
        self.assertEqual(index.on_event(event, None)['PhysicalResourceId'], 'lab/crds')

    def test_delete_removes_the_objects(self):
        index.on_event({'RequestType': 'Delete', 'PhysicalResourceId': 'lab/crds', 'ResourceProperties': PROPS}, None)
        self.assertIn('delete', self.commands[-1])
        self.assertIn('--ignore-not-found=true', self.commands[-1])

    def test_delete_keeps_the_objects_when_asked(self):
        index.on_event({'RequestType': 'Delete', 'PhysicalResourceId': 'lab/crds', 'ResourceProperties': {**PROPS, 'DeleteOnRemoval': 'false'}}, None)
        self.assertEqual(self.commands, [])

    def test_delete_never_fails_the_stack(self):
        index.download.side_effect = RuntimeError('github unreachable')
        result = index.on_event({'RequestType': 'Delete', 'PhysicalResourceId': 'lab/crds', 'ResourceProperties': PROPS}, None)
        self.assertEqual(result, {'PhysicalResourceId': 'lab/crds'})


if __name__ == '__main__':
    unittest.main()
