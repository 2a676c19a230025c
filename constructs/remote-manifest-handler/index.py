"""Applies a Kubernetes manifest downloaded from a pinned URL, after checking its SHA-256.

Custom resource handler (onEvent of the CDK Provider framework). Properties:
  ClusterName  EKS cluster to apply to (the function's role must be allowed on it).
  Url          https URL of a YAML manifest (a release asset, so the content behind a version never changes).
  Sha256       expected hex SHA-256 of the file; any other content fails the deployment.
  Name         stable name of the manifest; the physical resource id, so a new Url or Sha256 updates in place.
  DeleteOnRemoval  "true" to `kubectl delete` the manifest's objects when the resource is deleted.

Create and Update download, verify, `kubectl apply --server-side` (client-side apply stores the whole object in an
annotation, which large CRDs exceed) and wait until every CustomResourceDefinition applied is Established, so
objects of those kinds can be created right after. Delete downloads again and deletes the objects; a failure there
is logged, never fatal, because the objects disappear with the cluster anyway.
"""
import hashlib
import json
import logging
import os
import subprocess
import time
import urllib.request

logger = logging.getLogger()
logger.setLevel(logging.INFO)

# kubectl and the AWS CLI come from the kubectl and AWS CLI Lambda layers (the same paths as aws-eks-v2's handler).
os.environ['PATH'] = '/opt/kubectl:/opt/awscli:' + os.environ.get('PATH', '')

OUTDIR = os.environ.get('TEST_OUTDIR', '/tmp')
KUBECONFIG = os.path.join(OUTDIR, 'kubeconfig')
MANIFEST = os.path.join(OUTDIR, 'remote-manifest.yaml')
FIELD_MANAGER = 'eks-networking-lab'
DOWNLOAD_ATTEMPTS = 3
ESTABLISHED_TIMEOUT = '120s'


class ChecksumMismatch(Exception):
    pass


def sha256_hex(content):
    return hashlib.sha256(content).hexdigest()


def verify(content, expected, url):
    actual = sha256_hex(content)
    if actual != expected.lower():
        raise ChecksumMismatch(
            f'{url}: SHA-256 is {actual}, expected {expected}; the file is not the one this stack pins. '
            'Check the release and update the pinned checksum only if the new content is trusted.')
    return actual


def download(url, opener=urllib.request.urlopen, attempts=DOWNLOAD_ATTEMPTS, sleep=time.sleep):
    if not url.startswith('https://'):
        raise ValueError(f'{url}: only https URLs are allowed')
    last = None
    for attempt in range(1, attempts + 1):
        try:
            with opener(url, timeout=60) as response:
                return response.read()
        except Exception as error:  # network errors are retried, then reported
            last = error
            logger.info('download attempt %d of %s failed: %s', attempt, url, error)
            if attempt < attempts:
                sleep(2 * attempt)
    raise RuntimeError(f'{url}: download failed after {attempts} attempts: {last}')


def crd_names(apply_output):
    """Names of the CustomResourceDefinitions in `kubectl apply -o name` output."""
    prefix = 'customresourcedefinition.apiextensions.k8s.io/'
    return [line.strip()[len(prefix):] for line in apply_output.splitlines() if line.strip().startswith(prefix)]


def run(args):
    logger.info('running %s', args)
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f'{" ".join(args[:3])} failed ({result.returncode}): {result.stderr.strip() or result.stdout.strip()}')
    return result.stdout


def login(cluster_name):
    run(['aws', 'eks', 'update-kubeconfig', '--name', cluster_name, '--kubeconfig', KUBECONFIG])
    os.chmod(KUBECONFIG, 0o600)


def kubectl(*args):
    return run(['kubectl', '--kubeconfig', KUBECONFIG, *args])


def fetch(props):
    content = download(props['Url'])
    digest = verify(content, props['Sha256'], props['Url'])
    with open(MANIFEST, 'wb') as file:
        file.write(content)
    return digest


def apply(props):
    digest = fetch(props)
    login(props['ClusterName'])
    output = kubectl('apply', '--server-side', '--force-conflicts', f'--field-manager={FIELD_MANAGER}', '-f', MANIFEST, '-o', 'name')
    crds = crd_names(output)
    if crds:
        kubectl('wait', '--for=condition=Established', f'--timeout={ESTABLISHED_TIMEOUT}', *[f'crd/{name}' for name in crds])
    logger.info('applied %s (sha256 %s): %s', props['Url'], digest, output.strip())
    return {'Sha256': digest, 'CustomResourceDefinitions': ','.join(crds)}


def delete(props):
    if props.get('DeleteOnRemoval', 'false').lower() != 'true':
        return
    try:
        fetch(props)
        login(props['ClusterName'])
        kubectl('delete', '-f', MANIFEST, '--ignore-not-found=true', '--wait=true', '--timeout=120s')
    except Exception as error:  # the objects go with the cluster; never block a stack deletion on them
        logger.warning('delete of %s failed, objects left in place: %s', props.get('Url'), error)


def on_event(event, _context):
    logger.info(json.dumps({key: value for key, value in event.items() if key != 'ResponseURL'}))
    props = event['ResourceProperties']
    request = event['RequestType']
    physical_id = event.get('PhysicalResourceId') or f"{props['ClusterName']}/{props['Name']}"
    if request in ('Create', 'Update'):
        return {'PhysicalResourceId': physical_id, 'Data': apply(props)}
    if request == 'Delete':
        delete(props)
        return {'PhysicalResourceId': physical_id}
    raise ValueError(f'unknown request type {request}')
