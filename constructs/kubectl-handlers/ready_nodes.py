"""Waits at deploy time until enough nodes selected by a label are Ready.

Custom resource handlers of the CDK Provider framework: on_event starts the wait, is_complete polls until it is
done; the framework gives up after its total timeout (shorter than the resource's CloudFormation ServiceTimeout) and
the last poll's log line says what was missing. Properties:
  ClusterName    EKS cluster (the function's role must be allowed on it).
  LabelSelector  node label selector, e.g. eks.amazonaws.com/compute-type=hybrid.
  Count          how many matching nodes must be Ready.

Workloads created after this resource are scheduled while those nodes are Ready, so a preferred affinity to them
takes effect (a pod scheduled before a node exists never moves to it). Delete waits for nothing.
"""
import json

from kubectl_session import kubectl, logger, login


def node_states(nodes_json):
    """(names of Ready nodes, descriptions of the others) from `kubectl get nodes -o json`."""
    ready, waiting = [], []
    for node in json.loads(nodes_json).get('items', []):
        name = node['metadata']['name']
        conditions = {c['type']: c for c in node.get('status', {}).get('conditions', [])}
        condition = conditions.get('Ready')
        if condition is not None and condition.get('status') == 'True':
            ready.append(name)
        else:
            detail = condition.get('message') or condition.get('reason') if condition else 'no Ready condition yet'
            waiting.append(f'{name} NotReady ({detail})')
    return ready, waiting


def physical_id(props):
    return f"{props['ClusterName']}/ready-nodes/{props['LabelSelector']}"


def on_event(event, _context):
    logger.info(json.dumps({key: value for key, value in event.items() if key != 'ResponseURL'}))
    return {'PhysicalResourceId': event.get('PhysicalResourceId') or physical_id(event['ResourceProperties'])}


def is_complete(event, _context):
    if event['RequestType'] == 'Delete':
        return {'IsComplete': True}
    props = event['ResourceProperties']
    wanted = int(props['Count'])
    login(props['ClusterName'])
    ready, waiting = node_states(kubectl('get', 'nodes', '-l', props['LabelSelector'], '-o', 'json'))
    logger.info('%d of %d node(s) with %s Ready: %s', len(ready), wanted, props['LabelSelector'],
                '; '.join(ready + waiting) or 'no node has registered yet')
    if len(ready) >= wanted:
        return {'IsComplete': True, 'Data': {'Nodes': ','.join(sorted(ready))}}
    return {'IsComplete': False}
