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
import os
import time
import urllib.request

from kubectl_session import OUTDIR, kubectl, logger, login

MANIFEST = os.path.join(OUTDIR, 'remote-manifest.yaml')
FIELD_MANAGER = 'eks-networking-lab'
# Bounds of every step, set by the construct (constructs/remote-manifest.ts), which sizes the function's timeout and
# the resource's CloudFormation ServiceTimeout from them so the handler always answers before either runs out.
DOWNLOAD_ATTEMPTS = int(os.environ.get('DOWNLOAD_ATTEMPTS', '3'))
DOWNLOAD_TIMEOUT_SECONDS = int(os.environ.get('DOWNLOAD_TIMEOUT_SECONDS', '60'))
KUBECTL_TIMEOUT = f"{os.environ.get('KUBECTL_TIMEOUT_SECONDS', '60')}s"
ESTABLISHED_TIMEOUT = f"{os.environ.get('ESTABLISHED_TIMEOUT_SECONDS', '120')}s"


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
            with opener(url, timeout=DOWNLOAD_TIMEOUT_SECONDS) as response:
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


def fetch(props):
    content = download(props['Url'])
    digest = verify(content, props['Sha256'], props['Url'])
    with open(MANIFEST, 'wb') as file:
        file.write(content)
    return digest


def apply(props):
    digest = fetch(props)
    login(props['ClusterName'])
    output = kubectl('apply', '--server-side', '--force-conflicts', f'--field-manager={FIELD_MANAGER}',
                     f'--request-timeout={KUBECTL_TIMEOUT}', '-f', MANIFEST, '-o', 'name')
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
        kubectl('delete', '-f', MANIFEST, '--ignore-not-found=true', '--wait=true', f'--timeout={ESTABLISHED_TIMEOUT}',
                f'--request-timeout={KUBECTL_TIMEOUT}')
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
