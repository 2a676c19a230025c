"""What every kubectl handler of the lab shares: running a command, logging in to the cluster, running kubectl.

kubectl and the AWS CLI come from the kubectl and AWS CLI Lambda layers (the same paths as aws-eks-v2's handler).
The functions run as the cluster's kubectl provider role, which is a cluster admin through an access entry.
"""
import logging
import os
import subprocess

logger = logging.getLogger()
logger.setLevel(logging.INFO)

os.environ['PATH'] = '/opt/kubectl:/opt/awscli:' + os.environ.get('PATH', '')

OUTDIR = os.environ.get('TEST_OUTDIR', '/tmp')
KUBECONFIG = os.path.join(OUTDIR, 'kubeconfig')


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
