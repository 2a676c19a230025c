"""Stand-ins for what the lab's Lambda handlers import (boto3, botocore, cfnresponse) and for their clock, so the
handler tests need none of them. Call install() before importing a handler."""
import sys
import types


class ClientError(Exception):
    """botocore's ClientError, with the error code where handlers look for it."""

    def __init__(self, code):
        super().__init__(code)
        self.response = {"Error": {"Code": code}}


# (status, physical id, reason) of every cfnresponse.send, in order.
SENT = []


def install():
    botocore = types.ModuleType("botocore")
    botocore_exceptions = types.ModuleType("botocore.exceptions")
    botocore_exceptions.ClientError = ClientError
    botocore.exceptions = botocore_exceptions
    boto3 = types.ModuleType("boto3")
    boto3.client = lambda _name: None
    cfnresponse = types.ModuleType("cfnresponse")
    cfnresponse.SUCCESS = "SUCCESS"
    cfnresponse.FAILED = "FAILED"
    cfnresponse.send = lambda event, context, status, data, physical_id, reason=None: SENT.append(
        (status, physical_id, reason))
    sys.modules.update({"boto3": boto3, "botocore": botocore, "botocore.exceptions": botocore_exceptions,
                        "cfnresponse": cfnresponse})


class Clock:
    """time.time and time.sleep that advance instantly from 1000 s."""

    def __init__(self):
        self.now = 1000.0
        self.sleeps = 0

    def time(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps += 1
        self.now += seconds
