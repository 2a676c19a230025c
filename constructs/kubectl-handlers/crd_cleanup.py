"""Deletes the CustomResourceDefinitions of some API groups when the resource is deleted.

Custom resource handler (onEvent of the CDK Provider framework). Helm never deletes the CRDs of a chart's crds/
directory, and controllers that install their own CRDs at run time leave them too; ordered after the release (the
release depends on this resource), the deletion runs once the chart is uninstalled. Properties:
  ClusterName  EKS cluster (the function's role must be allowed on it).
  Groups       comma-separated API groups whose CRDs go (e.g. elbv2.k8s.aws,gateway.k8s.aws).
Create and Update do nothing. Delete never fails: the CRDs also go with the cluster.
"""
import json
import os

from kubectl_session import kubectl, logger, login

KUBECTL_TIMEOUT = f"{os.environ.get('KUBECTL_TIMEOUT_SECONDS', '60')}s"


def crds_of_groups(crd_list_json, groups):
    """Names of the CRDs whose spec.group is one of `groups`, from `kubectl get crd -o json`."""
    wanted = set(groups)
    return sorted(item['metadata']['name'] for item in json.loads(crd_list_json).get('items', [])
                  if item.get('spec', {}).get('group') in wanted)


def delete_crds(props):
    groups = [group for group in props.get('Groups', '').split(',') if group]
    try:
        login(props['ClusterName'])
        names = crds_of_groups(kubectl('get', 'crd', '-o', 'json', f'--request-timeout={KUBECTL_TIMEOUT}'), groups)
        if names:
            kubectl('delete', 'crd', *names, '--ignore-not-found=true', '--wait=false',
                    f'--request-timeout={KUBECTL_TIMEOUT}')
        logger.info('deleted %d CRD(s) of %s: %s', len(names), ', '.join(groups), ', '.join(names) or 'none left')
    except Exception as error:  # the CRDs go with the cluster anyway; never block a stack deletion on them
        logger.warning('CRDs of %s left in place: %s', ', '.join(groups), error)


def on_event(event, _context):
    logger.info(json.dumps({key: value for key, value in event.items() if key != 'ResponseURL'}))
    props = event['ResourceProperties']
    physical_id = event.get('PhysicalResourceId') or f"{props['ClusterName']}/crd-cleanup/{props.get('Groups', '')}"
    if event['RequestType'] == 'Delete':
        delete_crds(props)
    return {'PhysicalResourceId': physical_id}
